namespace Notebooks.Tests;

/// The README's series command with one shared parameter: `run notebooks -p epochs 50`.
public sealed class ShortSeriesRun
{
    public RunnerResult Result { get; }

    public ShortSeriesRun()
    {
        var repoRoot = Repository.Root;
        using var scratch = new ScratchFolder("short-series");
        var root = scratch.Root;
        Result = RunnerProcess.Run(
            ["run", Path.Combine(repoRoot, "notebooks"), "-p", "epochs", "50", "-o", Path.Combine(root, "executed"), "--timeout", "600"],
            Path.Combine(root, "report.json"));
    }
}

public class SeriesParameterTests(ShortSeriesRun run) : IClassFixture<ShortSeriesRun>
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    [Fact]
    public void the_whole_series_runs_with_epochs_50()
    {
        Assert.True(run.Result.ExitCode == 0, $"run notebooks -p epochs 50 exited {run.Result.ExitCode}:\n{run.Result.Stderr}");
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void every_notebook_takes_the_shared_epochs_parameter(string stem)
    {
        var report = run.Result.NotebookReport(stem);
        Assert.True(report != null, $"{stem} was not run:\n{run.Result.Stderr}");
        Assert.True((string?)report!["status"] == "ok", $"{stem}: {report["error"]?.ToJsonString()}");
        Assert.Equal(50, (int?)report["variables"]?["epochs"]);
    }
}
