using System.Diagnostics;

namespace NotebookRunner.Packages;

/// <summary>
/// Restores `#r "nuget:..."` packages with the real `dotnet restore`, once per package set: a later run with
/// the same set reads the cached project.assets.json and starts no process.
/// </summary>
public sealed class PackageRestorer
{
    private readonly string _cacheDirectory;
    private readonly TextWriter _log;

    public PackageRestorer(string? cacheDirectory = null, TextWriter? log = null)
    {
        _cacheDirectory = Path.GetFullPath(cacheDirectory ?? RestoreCacheLocation.Default);
        _log = log ?? TextWriter.Null;
    }

    public RestoredPackages Restore(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> extraSources, CancellationToken cancellationToken = default)
    {
        if (packages.Count == 0) return RestoredPackages.Empty;
        var project = new RestoreProject(RestoreCacheLocation.Restores(_cacheDirectory), packages, extraSources);

        using var restoreLock = RestoreLock.Acquire(project.LockPath, cancellationToken);
        var cached = ProjectAssets.TryRead(project.AssetsPath);
        if (cached is not null && cached.Errors.Count == 0 && cached.AllPackagesPresent())
            return cached.Resolve(RuntimeIdentifierChain.Current, _cacheDirectory);

        var names = string.Join(", ", project.Packages.Select(p => p.Version is null ? p.Id : $"{p.Id} {p.Version}"));
        _log.WriteLine($"restoring {names} ...");
        var watch = Stopwatch.StartNew();
        project.Write();
        DeleteIfPresent(project.AssetsPath);
        var (exitCode, output) = DotnetRestoreProcess.Run(project.ProjectPath, cancellationToken);
        var assets = ProjectAssets.TryRead(project.AssetsPath);
        if (exitCode != 0 || assets is null || assets.Errors.Count > 0)
        {
            // Leave no assets file behind, so the next run retries instead of trusting a failed restore.
            DeleteIfPresent(project.AssetsPath);
            throw new PackageRestoreException(RestoreFailureMessage.From(project.Packages, assets, output, exitCode));
        }
        _log.WriteLine($"restored {names} in {watch.Elapsed.TotalSeconds:0.0} s");
        return assets.Resolve(RuntimeIdentifierChain.Current, _cacheDirectory);
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
