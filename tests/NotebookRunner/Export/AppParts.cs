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

    /// <summary>Names declared inside a block of a top-level statement (a loop's `var loss`), with their cell.</summary>
    public List<(string Name, int Cell)> NestedNames { get; } = [];
    public List<ExportProblem> Problems { get; } = [];

    public void Problem(int cell, string what) => Problems.Add(new ExportProblem(NotebookShownPath, cell, what));

    public void AddPackage(string id, string version)
    {
        if (!Packages.Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))) Packages.Add((id, version));
    }

    /// <summary>
    /// A name declared in a block and at the top level of another cell is fine in a notebook (each cell is its own
    /// submission) but clashes in one program (CS0136), whichever comes first.
    /// </summary>
    public void CheckNestedNames()
    {
        foreach (var (name, cell) in NestedNames)
            if (TopLevelNames.TryGetValue(name, out var topLevel) && topLevel != cell)
                Problem(cell, $"declares `{name}` inside a block while cell {topLevel} declares it at the top level; in one program they clash: rename one of them");
    }

    public void AddUsing(string directive)
    {
        if (!Usings.Contains(directive)) Usings.Add(directive);
    }
}
