namespace NotebookRunner.Doctor;

/// <summary>
/// A lib/&lt;tfm&gt;/cpu folder is what TorchSharp leaves after a failed first native load inside .NET Interactive: a
/// copy of all of libtorch (about 480 MB), made once and never refreshed. With the links in place TorchSharp's first
/// load succeeds and never reads it, so `doctor --fix` deletes it; TorchSharp makes it again only if a first load fails.
/// </summary>
public static class ConsolidatedCopyCheck
{
    public const string Name = "stale libtorch copy";

    public static DoctorCheck Check(TorchSharpPackageLayout layout, bool fix)
    {
        var folders = layout.ConsolidatedFolders;
        if (folders.Count == 0) return DoctorCheck.Ok(Name, $"none in {layout.Root}/lib");
        var sizes = string.Join(", ", folders.Select(f => $"{f} ({SizeInMegabytes(f):0} MB)"));
        if (!fix)
            return DoctorCheck.Warn(Name, $"{sizes}: TorchSharp copied libtorch there after a failed first load (in Microsoft's kernel); " +
                "run 'doctor --fix' to delete it");
        foreach (var folder in folders) Directory.Delete(folder, recursive: true);
        return DoctorCheck.Ok(Name, $"deleted {sizes} (TorchSharp makes it again only if its first load fails)");
    }

    private static double SizeInMegabytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0;
}
