using NotebookRunner.Native;
using NotebookRunner.Packages;

namespace NotebookRunner.Execution;

/// <summary>
/// The `#r "nuget:..."` packages a notebook asked for so far. Each new request restores the union of all of them
/// (so versions resolve together), references the new assemblies and makes native assets loadable.
/// </summary>
public sealed class NugetReferences(ScriptSubmissions session, TextWriter log)
{
    private readonly PackageRestorer _restorer = new(log: log);
    private readonly List<NugetReference> _packages = [];
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referencedNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns an error for the cell when the restore fails, else null.</summary>
    public CellError? Add(IReadOnlyList<NugetReference> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        _sources.AddRange(sources.Where(s => !_sources.Contains(s)));
        foreach (var package in packages)
        {
            _packages.RemoveAll(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            _packages.Add(package);
        }
        if (packages.Count == 0) return null;
        try
        {
            var restored = _restorer.Restore(_packages.Select(p => new PackageRequest(p.Id, p.Version)).ToList(), _sources, cancellationToken);
            // An assembly already referenced (e.g. by an earlier, smaller package set) cannot be loaded twice.
            var fresh = restored.Assemblies.Where(path => _referencedNames.Add(Path.GetFileNameWithoutExtension(path))).ToList();
            RestoredAssemblies.Process.Add(fresh);
            session.AddReferences(fresh);
            NativeAssets.Process.Register(restored, log);
            return null;
        }
        catch (PackageRestoreException e)
        {
            return new CellError("PackageRestoreException", e.Message, e.Message.Split('\n'));
        }
    }
}
