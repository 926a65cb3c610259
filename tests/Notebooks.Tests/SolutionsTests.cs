using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// notebooks/solutions/NN-slug-solutions.ipynb answers the exercises of notebooks/NN-slug.ipynb, one
/// `## Exercise N` section per numbered exercise; it is executed like the series and its stored outputs are checked.
public partial class SolutionsTests(SolutionsRun run) : IClassFixture<SolutionsRun>
{
    public static TheoryData<string> Solutions => new(SolutionsRun.Stems);
    public static TheoryData<string> Series => new(SeriesRun.Stems);

    [GeneratedRegex(@"^(\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^## Exercise (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExerciseHeading();

    [Theory, MemberData(nameof(Series))]
    public void every_notebook_has_a_solutions_notebook_with_one_section_per_numbered_exercise(string stem)
    {
        var repoRoot = Repository.Root;
        var notebook = StoredOutputs.Read(Path.Combine(repoRoot, "notebooks", stem + ".ipynb"));
        var exercisesSection = notebook["cells"]!.AsArray().Select(c => ExercisesSection(RunnerProcess.CellSource(c!)))
            .LastOrDefault(s => s is not null);
        Assert.True(exercisesSection is not null, $"{stem} has no `## Exercises` section");
        var exercises = NumberedItem().Matches(exercisesSection!).Select(m => int.Parse(m.Groups[1].Value)).ToList();

        var path = Path.Combine(SolutionsRun.Folder, stem + "-solutions.ipynb");
        Assert.True(File.Exists(path), $"{stem} has {exercises.Count} exercises but no notebooks/solutions/{stem}-solutions.ipynb");
        var sections = StoredOutputs.Read(path)["cells"]!.AsArray()
            .Select(c => RunnerProcess.CellSource(c!))
            .SelectMany(s => ExerciseHeading().Matches(s).Select(m => int.Parse(m.Groups[1].Value)))
            .ToList();
        Assert.Equal(exercises, sections);
    }

    /// The lines of a markdown source from its `## Exercises` heading to the next `## ` heading (a notebook may keep
    /// its closing sections in one cell), or null when it has none.
    private static string? ExercisesSection(string source)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## Exercises");
        if (start < 0) return null;
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## "));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    [Theory, MemberData(nameof(Solutions))]
    public void every_solutions_notebook_runs_headlessly_without_a_failed_cell(string stem)
    {
        var report = run.Result.NotebookReport(stem);
        Assert.True(report != null, $"{stem} was not run: {run.Result.Stderr}");
        Assert.True((string?)report!["status"] == "ok", $"{stem}: {report["error"]?.ToJsonString()}");
    }

    [Theory, MemberData(nameof(Solutions))]
    public void every_solutions_notebook_is_a_polyglot_csharp_notebook_seeded_from_a_parameters_cell(string stem)
    {
        var nb = StoredOutputs.Read(Path.Combine(SolutionsRun.Folder, stem + ".ipynb"));
        Assert.Equal(".net-csharp", (string?)nb["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)nb["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        var parameters = nb["cells"]!.AsArray()
            .FirstOrDefault(c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true);
        Assert.True(parameters is not null, $"{stem} has no cell tagged `parameters`");
        Assert.Contains("var seed", RunnerProcess.CellSource(parameters!));
    }

    [Theory, MemberData(nameof(Solutions))]
    public void every_stored_text_output_of_a_solutions_notebook_matches_a_fresh_run(string stem)
    {
        var stored = StoredOutputs.Read(Path.Combine(SolutionsRun.Folder, stem + ".ipynb"));
        var difference = StoredOutputs.Difference(stem, stored, run.ExecutedNotebook(stem));
        Assert.True(difference is null, difference);
    }
}
