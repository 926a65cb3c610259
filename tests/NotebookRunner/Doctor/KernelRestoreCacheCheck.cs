namespace NotebookRunner.Doctor;

/// <summary>
/// .NET Interactive (Polyglot, Jupyter, dotnet-repl) remembers each `#r "nuget:"` package set's resolved files in
/// ~/.packagemanagement/nuget/Cache/&lt;hash&gt;.resolvedReferences.paths and reuses them whatever $NUGET_PACKAGES says,
/// so the kernel may load TorchSharp from another packages folder than the one the doctor fixed. Names those folders.
/// </summary>
public static class KernelRestoreCacheCheck
{
    public const string Name = "kernel restore cache";

    public static string CacheFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".packagemanagement", "nuget", "Cache");

    public static DoctorCheck Check(TorchSharpPackageLayout layout, string cacheFolder)
    {
        var recorded = TorchSharpFolders(cacheFolder);
        if (recorded.Count == 0) return DoctorCheck.Ok(Name, $"no TorchSharp {TorchSharpPackageLayout.Version} restore recorded in {cacheFolder}");
        var ours = Path.GetFullPath(layout.Root).TrimEnd('/');
        var elsewhere = recorded.Where(r => r.Root != ours).ToList();
        if (elsewhere.Count == 0) return DoctorCheck.Ok(Name, $"the kernel's recorded TorchSharp restores use {layout.Root}");
        var list = string.Join("; ", elsewhere.Select(r => $"{r.Root} (recorded in {r.File})"));
        return DoctorCheck.Warn(Name, $"Microsoft's kernel reuses recorded restores whatever NUGET_PACKAGES says, so it loads TorchSharp from {list}, " +
            $"not from {layout.PackagesFolder}: run 'doctor --fix' with NUGET_PACKAGES set to that packages folder, or delete the recorded file so the kernel restores again");
    }

    public sealed record Recorded(string Root, string File);

    /// <summary>torchsharp/0.107.0 folders named by "TorchSharp,0.107.0,&lt;package folder&gt;/,..." lines.</summary>
    public static IReadOnlyList<Recorded> TorchSharpFolders(string cacheFolder)
    {
        if (!Directory.Exists(cacheFolder)) return [];
        var found = new List<Recorded>();
        foreach (var file in Directory.GetFiles(cacheFolder, "*.resolvedReferences.paths").Order(StringComparer.Ordinal))
        {
            var root = File.ReadLines(file)
                .Select(l => l.Split(','))
                .Where(f => f.Length > 2 && f[0] == "TorchSharp" && f[1] == TorchSharpPackageLayout.Version && f[2].Length > 0)
                .Select(f => Path.GetFullPath(f[2]).TrimEnd('/'))
                .FirstOrDefault();
            if (root is not null && found.All(r => r.Root != root)) found.Add(new Recorded(root, file));
        }
        return found;
    }
}
