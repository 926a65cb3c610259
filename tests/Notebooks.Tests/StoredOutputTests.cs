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
        var stored = StoredOutputs.Read(Path.Combine(run.RepoRoot, "notebooks", stem + ".ipynb"));
        var difference = StoredOutputs.Difference(stem, stored, run.ExecutedNotebook(stem));
        Assert.True(difference is null, difference);
    }
}
