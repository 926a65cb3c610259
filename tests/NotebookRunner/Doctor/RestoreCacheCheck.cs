using NotebookRunner.Packages;

namespace NotebookRunner.Doctor;

/// <summary>The runner's restore cache folder: where it is, how many package sets, how big.</summary>
public static class RestoreCacheCheck
{
    public static DoctorCheck Run(string cacheDirectory)
    {
        const string name = "restore cache";
        if (!Directory.Exists(cacheDirectory)) return DoctorCheck.Ok(name, $"{cacheDirectory} (empty)");
        var restores = RestoreCacheLocation.Restores(cacheDirectory);
        var sets = Directory.Exists(restores) ? Directory.GetDirectories(restores).Length : 0;
        long bytes = 0;
        foreach (var file in new DirectoryInfo(cacheDirectory).EnumerateFiles("*", SearchOption.AllDirectories))
            bytes += file.Length;
        return DoctorCheck.Ok(name, $"{cacheDirectory} ({sets} package set{(sets == 1 ? "" : "s")}, {bytes / 1024.0 / 1024.0:0.0} MB; " +
            "delete it to force fresh restores)");
    }
}
