using System.Diagnostics;

namespace NotebookRunner.Doctor;

/// <summary>
/// libtorch libraries the dynamic loader would find by name, where it looks: LD_LIBRARY_PATH first, then ldconfig's
/// cache and the default folders. Debian's python3-torch, for one, puts libtorch 1.13 in /usr/lib/x86_64-linux-gnu.
/// </summary>
public static class SystemLibTorch
{
    public static readonly string[] FileNames = ["libtorch.so", "libtorch_cpu.so", "libc10.so"];

    public sealed record Found(string Path, string RealFile, bool OnLdLibraryPath);

    /// <param name="packageFolder">The libtorch package's own native folder: libraries that resolve into it are not reported.</param>
    public static IReadOnlyList<Found> Find(string? packageFolder)
    {
        var own = packageFolder is null ? null : Path.GetFullPath(packageFolder).TrimEnd('/') + "/";
        var found = new List<Found>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Look(string folder, bool onLdLibraryPath)
        {
            foreach (var name in FileNames)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path)) continue;
                var real = RealPath(path);
                if (!seen.Add(real)) continue;
                if (own is not null && real.StartsWith(own, StringComparison.Ordinal)) continue;
                found.Add(new Found(path, Path.GetFileName(real), onLdLibraryPath));
            }
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            Look(folder, onLdLibraryPath: true);
        foreach (var folder in LdconfigFolders().Concat(DefaultFolders)) Look(folder, onLdLibraryPath: false);
        return found;
    }

    /// <summary>The file itself, with symlinks resolved in the folders too (/lib is /usr/lib on merged-/usr systems).</summary>
    private static string RealPath(string path)
    {
        var file = Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
        var folder = Path.GetDirectoryName(file)!;
        var parts = new List<string>();
        while (folder != "/" && new DirectoryInfo(folder).LinkTarget is null)
        {
            parts.Insert(0, Path.GetFileName(folder));
            folder = Path.GetDirectoryName(folder)!;
        }
        if (folder == "/") return file;
        var resolved = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        return Path.Combine([resolved, .. parts, Path.GetFileName(file)]);
    }

    private static readonly string[] DefaultFolders =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"];

    /// <summary>Folders of the libtorch entries in `ldconfig -p` (covers /etc/ld.so.conf.d additions).</summary>
    private static IEnumerable<string> LdconfigFolders()
    {
        string output;
        try
        {
            var start = new ProcessStartInfo(File.Exists("/sbin/ldconfig") ? "/sbin/ldconfig" : "ldconfig", "-p")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(10_000)) { process.Kill(); return []; }
            output = stdout.Result;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return [];
        }
        return output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => FileNames.Any(n => l.StartsWith(n + " ", StringComparison.Ordinal)) && l.Contains("=>", StringComparison.Ordinal))
            .Select(l => Path.GetDirectoryName(l[(l.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim()))
            .OfType<string>().Distinct().ToList();
    }
}
