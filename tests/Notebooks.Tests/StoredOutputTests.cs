namespace Notebooks.Tests;

/// The committed notebooks carry the outputs of a runner run; re-executing them must give the same text, with numbers
/// equal within NumericText's tolerance on any CPU. Refresh them with `run notebooks --inplace` (README).
[Collection("series")]
public class StoredOutputTests(SeriesRun run)
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    [Theory, MemberData(nameof(Notebooks))]
    public void every_stored_text_output_matches_a_fresh_run(string stem)
    {
        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(run.RepoRoot, "notebooks", stem + ".ipynb")))!.AsObject();
        var fresh = run.ExecutedNotebook(stem);
        var storedTexts = CodeCellTexts(stored);
        var freshTexts = CodeCellTexts(fresh);
        Assert.True(storedTexts.Any(t => t.Length > 0), $"{stem} carries no stored outputs");
        Assert.Equal(storedTexts.Count, freshTexts.Count);
        for (var i = 0; i < storedTexts.Count; i++)
        {
            var difference = NumericText.Difference(storedTexts[i], freshTexts[i]);
            Assert.True(difference is null, $"{stem}, code cell {i + 1}: {difference}; stored output\n{storedTexts[i]}\n fresh run\n{freshTexts[i]}");
        }
    }

    private static List<string> CodeCellTexts(JsonObject notebook) =>
        notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code" && (string?)c["metadata"]?["tags"]?[0] != "injected-parameters")
            .Select(c => RunnerProcess.OutputText(c!))
            .ToList();
}
