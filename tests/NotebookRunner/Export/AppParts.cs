namespace NotebookRunner.Export;

/// <summary>
/// What the cells of one notebook contribute to its app outside their own place: packages (`#:package`), included
/// scripts, using directives (C# wants them first), types (C# wants them after the top-level statements), the
/// top-level names declared so far (one program may declare a name once) and the problems found.
/// </summary>
public sealed class AppParts(string notebookShownPath)
{
    public string NotebookShownPath { get; } = notebookShownPath;
    public List<(string Id, string Version)> Packages { get; } = [];
    public List<(string ScriptPath, ConvertedScript Converted)> Scripts { get; } = [];
    public List<string> Usings { get; } = [];
    public List<string> Types { get; } = [];
    public Dictionary<string, int> TopLevelNames { get; } = new(StringComparer.Ordinal);
    public List<ExportProblem> Problems { get; } = [];

    public void Problem(int cell, string what) => Problems.Add(new ExportProblem(NotebookShownPath, cell, what));

    public void AddPackage(string id, string version)
    {
        if (!Packages.Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))) Packages.Add((id, version));
    }

    public void AddUsing(string directive)
    {
        if (!Usings.Contains(directive)) Usings.Add(directive);
    }
}
