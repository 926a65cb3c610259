using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NotebookRunner.Native;

/// <summary>Which libstdc++ this process uses and whether it defines GLIBCXX_3.4.32.</summary>
public sealed record LibStdCxxInfo(string? Path, bool DefinesRequiredVersion, string? NewestGlibcxx);

public static class LibStdCxxProbe
{
    private static readonly Lazy<LibStdCxxInfo> Cached = new(Probe);

    public static LibStdCxxInfo Current => Cached.Value;

    private static LibStdCxxInfo Probe()
    {
        var path = FindLibrary();
        if (path is null) return new LibStdCxxInfo(null, false, null);
        try
        {
            var versions = ElfReader.Read(path).VersionDefinitions().Where(v => v.StartsWith("GLIBCXX_3.")).ToList();
            var newest = versions.OrderBy(v => System.Version.TryParse(v["GLIBCXX_".Length..], out var parsed) ? parsed : new Version()).LastOrDefault();
            return new LibStdCxxInfo(path, versions.Contains(GlibcxxVersionPatch.Version), newest);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or OverflowException)
        {
            return new LibStdCxxInfo(path, false, null);
        }
    }

    /// <summary>The one already mapped into this process, else the multiarch default, else ldconfig's.</summary>
    private static string? FindLibrary()
    {
        try
        {
            var mapped = File.ReadLines("/proc/self/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && System.IO.Path.GetFileName(f[5]).StartsWith("libstdc++.so"))
                .Select(f => f[5]).FirstOrDefault();
            if (mapped is not null) return mapped;
        }
        catch (IOException) { }

        var multiarch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => null,
        };
        if (multiarch is not null)
        {
            var standard = $"/usr/lib/{multiarch}/libstdc++.so.6";
            if (File.Exists(standard)) return standard;
        }
        return FromLdconfig();
    }

    private static string? FromLdconfig()
    {
        try
        {
            var start = new ProcessStartInfo("/sbin/ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var want = Environment.Is64BitProcess ? "x86-64" : "";
            return output.Split('\n')
                .Where(l => l.TrimStart().StartsWith("libstdc++.so.6 ") && l.Contains(want))
                .Select(l => l[(l.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim())
                .FirstOrDefault(File.Exists);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }
}
