using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// Notebook 04 run with a learning rate at which full-batch gradient descent diverges on its data.
public sealed class DivergingRun
{
    public RunnerResult Result { get; }

    public DivergingRun()
    {
        var repoRoot = Repository.Root;
        using var scratch = new ScratchFolder("diverging-run");
        var root = scratch.Root;
        Result = RunnerProcess.Run(
            ["run", Path.Combine(repoRoot, "notebooks", "04-nn-module.ipynb"), "-p", "lr", "0.1", "-o", Path.Combine(root, "04.ipynb")],
            Path.Combine(root, "report.json"));
    }
}

public class DivergenceTests(DivergingRun run) : IClassFixture<DivergingRun>
{
    [Fact]
    public void a_loss_that_becomes_nan_or_infinite_stops_the_run_with_a_nonzero_exit_code()
    {
        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Equal("failed", (string?)run.Result.NotebookReport("04-nn-module")?["status"]);
    }

    [Fact]
    public void the_divergence_is_reported_in_one_line_naming_the_notebook_the_epoch_and_the_learning_rate()
    {
        var headline = run.Result.Stderr.Split('\n')
            .Where(l => !l.StartsWith(' ') && Regex.IsMatch(l, @"the loss is (NaN|infinite) at epoch \d+"))
            .ToList();
        Assert.True(headline.Count == 1, $"expected one line naming the epoch, got {headline.Count}:\n{run.Result.Stderr}");
        Assert.Contains("04-nn-module.ipynb", headline[0]);
        Assert.Contains("lr = 0.1", headline[0]);
    }
}
