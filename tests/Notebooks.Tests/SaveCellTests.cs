namespace Notebooks.Tests;

/// As d2l's #@save: a function first taught in a notebook is marked //@save there and kept identical in helpers.csx.
public class SaveCellTests
{
    private static readonly string RepoRoot = new SeriesRunPaths().RepoRoot;

    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    [Theory, MemberData(nameof(Notebooks))]
    public void every_save_cell_stands_verbatim_in_helpers_csx(string stem)
    {
        var helpers = Normalize(File.ReadAllText(Path.Combine(RepoRoot, "helpers", "helpers.csx")));
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "notebooks", stem + ".ipynb")))!;
        foreach (var cell in nb["cells"]!.AsArray())
        {
            var source = RunnerProcess.CellSource(cell!);
            if (!source.TrimStart().StartsWith("//@save")) continue;
            var body = Normalize(string.Join('\n', source.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("//@save")).Skip(1)));
            Assert.True(helpers.Contains(body), $"{stem}: the //@save cell starting '{body.Split('\n')[0]}' differs from helpers/helpers.csx; copy it there");
        }
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}

internal sealed class SeriesRunPaths
{
    public string RepoRoot { get; }

    public SeriesRunPaths()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        RepoRoot = dir?.FullName ?? throw new InvalidOperationException("repository root (global.json) not found");
    }
}
