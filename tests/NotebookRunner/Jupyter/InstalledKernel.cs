using System.Security.Cryptography;
using System.Text.Json;

namespace NotebookRunner.Jupyter;

/// <summary>
/// The kernel's own copy of the runner, which its kernelspec starts: DATA_DIR/notebook-runner/NAME/VERSION, where
/// VERSION names the build (its version and a hash of its files). A build folder can be cleaned, a clone moved or
/// deleted; the installed kernel keeps running. Installing again copies the new build and removes the old copy.
/// What is copied is what the runner's deps.json says it loads, with its runtimeconfig, apphost and symbols.
/// </summary>
public static class InstalledKernel
{
    private const string Folder = "notebook-runner";
    private const string AssemblyName = "NotebookRunner";

    /// <summary>Every copy of the kernelspec NAME, whatever its version.</summary>
    public static string CopiesOf(string dataDirectory, string name) => Path.Combine(dataDirectory, Folder, name);

    /// <summary>Copies this build of the runner for the kernelspec NAME (unless that copy is there) and returns its folder.</summary>
    public static string Install(string dataDirectory, string name)
    {
        var source = Path.GetDirectoryName(typeof(InstalledKernel).Assembly.Location)!;
        var files = RunnerFiles(source);
        var copies = CopiesOf(dataDirectory, name);
        var target = Path.Combine(copies, Version(source, files));
        if (!Directory.Exists(target))
        {
            var partial = $"{target}.partial-{Environment.ProcessId}";
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
            foreach (var file in files)
            {
                var destination = Path.Combine(partial, file);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(source, file), destination);
            }
            Directory.Move(partial, target);
        }
        // A kernel still running from an older copy keeps its files open (on Linux and macOS it runs on).
        foreach (var older in Directory.GetDirectories(copies).Where(d => d != target))
        {
            try { Directory.Delete(older, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return target;
    }

    public static void Uninstall(string dataDirectory, string name)
    {
        var copies = CopiesOf(dataDirectory, name);
        if (Directory.Exists(copies)) Directory.Delete(copies, recursive: true);
        var folder = Path.GetDirectoryName(copies)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }

    /// <summary>Paths relative to the build folder: the assets deps.json lists, where the build put them, and the host's files.</summary>
    private static List<string> RunnerFiles(string source)
    {
        var depsPath = Path.Combine(source, AssemblyName + ".deps.json");
        if (!File.Exists(depsPath))
            throw new KernelInstallException($"{depsPath}: not found; install the kernel from a build of the runner (dotnet build tests/NotebookRunner)");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsPath));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var files = new List<string> { AssemblyName + ".deps.json", AssemblyName + ".runtimeconfig.json" };
        foreach (var library in deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject())
        {
            foreach (var (kind, assets) in library.Value.EnumerateObject().Select(p => (p.Name, p.Value)))
            {
                if (assets.ValueKind != JsonValueKind.Object) continue;
                foreach (var asset in assets.EnumerateObject())
                {
                    var file = kind switch
                    {
                        // The build puts runtime and native assets beside the runner, and satellite assemblies under their culture.
                        "runtime" or "native" => Path.GetFileName(asset.Name),
                        "resources" when asset.Value.TryGetProperty("locale", out var locale) => Path.Combine(locale.GetString()!, Path.GetFileName(asset.Name)),
                        "runtimeTargets" => asset.Name,
                        _ => null,
                    };
                    if (file is not null) files.Add(file);
                }
            }
        }
        files.AddRange(new[] { AssemblyName, AssemblyName + ".pdb" }.Where(f => File.Exists(Path.Combine(source, f))));
        var missing = files.Where(f => !File.Exists(Path.Combine(source, f))).ToList();
        if (missing.Count > 0)
            throw new KernelInstallException($"{source}: the build lacks {string.Join(", ", missing.Take(3))}{(missing.Count > 3 ? $" and {missing.Count - 3} more" : "")}; build the runner again, then install");
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The runner's version and a hash of the files copied, so a rebuilt runner gets a folder of its own.</summary>
    private static string Version(string source, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            hash.AppendData(File.ReadAllBytes(Path.Combine(source, file)));
        }
        var version = typeof(InstalledKernel).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return $"{version}-{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
    }
}

/// <summary>The runner cannot be installed as a kernel from where it runs: one line saying what to do.</summary>
public sealed class KernelInstallException(string message) : Exception(message);
