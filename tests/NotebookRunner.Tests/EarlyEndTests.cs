using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>A run cut short still writes what it did, names the cell and ends with a non-zero exit code.</summary>
public class EarlyEndTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    static string Status(JsonNode cell) => (string)cell["metadata"]!["papermill"]!["status"]!;

    [Fact]
    public void environment_exit_in_a_middle_cell_writes_the_partial_notebook_names_the_cell_and_the_notebooks_not_run()
    {
        using var fixture = new FixtureCopy("environment-exit.ipynb", "plain.ipynb");
        var outputFolder = Path.Combine(fixture.Dir, "executed") + "/";

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Dir, "-o", outputFolder], Limit);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 2 (Environment.Exit(0);): EnvironmentExit: the cell called Environment.Exit(0)", result.FailureLine);
        Assert.Contains($"not run: {Path.Combine(fixture.Dir, "plain.ipynb")}", result.Stderr);
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(outputFolder, "environment-exit.ipynb")))!["cells"]!.AsArray();
        Assert.Equal(["completed", "failed", "pending"], cells.Select(c => Status(c!)));
        Assert.Equal("EnvironmentExit", (string)cells[1]!["outputs"]![0]!["ename"]!);
        Assert.True(fixture.InputUnchanged);
    }

    [Theory]
    [InlineData("thread-exception.ipynb", "new System.Threading.Thread(() => throw new InvalidOperationException(\"thrown on a thread\")).Start();", "thrown on a thread")]
    [InlineData("async-void-exception.ipynb", "async void ThrowLater() { await Task.Yield(); throw new InvalidOperationException(\"thrown in async void\"); }", "thrown in async void")]
    [InlineData("finalizer-exception.ipynb", "class Bomb { ~Bomb() => throw new InvalidOperationException(\"thrown in a finalizer\"); }", "thrown in a finalizer")]
    public void an_exception_off_the_cells_thread_writes_the_partial_notebook_and_names_the_cell(string notebook, string firstLine, string message)
    {
        using var fixture = new FixtureCopy(notebook);

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output], Limit);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 2 ({firstLine}): System.InvalidOperationException: {message}", result.FailureLine);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.Equal(["completed", "failed", "pending"], cells.Select(c => Status(c!)));
        Assert.Equal("System.InvalidOperationException", (string)cells[1]!["outputs"]![0]!["ename"]!);
        Assert.True(fixture.InputUnchanged);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void a_signal_writes_the_partial_notebook_with_the_interrupted_cell_marked_and_exits_with_the_signals_code(string signal, int exitCode)
    {
        using var fixture = new FixtureCopy("waits-for-a-signal.ipynb");
        using var runner = RunnerLaunch.Start(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output]);
        ChildProcess.WaitForFile(Path.Combine(fixture.Dir, "cell-2-started"), Limit);

        runner.Signal(signal);
        var result = runner.WaitForExit(Limit);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 2 (System.IO.File.WriteAllText(\"cell-2-started\", \"\");): Interrupted: SIG{signal} received", result.FailureLine);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.Equal(["completed", "failed", "pending"], cells.Select(c => Status(c!)));
        Assert.Equal("Interrupted", (string)cells[1]!["outputs"]![0]!["ename"]!);
        Assert.True(fixture.InputUnchanged);
    }

    [Fact]
    public void sigterm_during_a_restore_ends_the_child_dotnet_restore_too()
    {
        using var fixture = new FixtureCopy("silent-feed.ipynb");
        using var feed = new SilentFeed();
        File.WriteAllText(fixture.Notebook, File.ReadAllText(fixture.Notebook).Replace("FEED_URL", feed.Url));
        using var runner = RunnerLaunch.Start(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output],
            environment: new Dictionary<string, string?> { ["NOTEBOOK_RUNNER_CACHE"] = Path.Combine(fixture.Dir, "cache") });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (feed.Connections == 0 && clock.Elapsed < Limit) Thread.Sleep(100);
        Assert.True(feed.Connections > 0, "the restore never reached the feed");
        Assert.NotEmpty(ChildProcesses.Mentioning(Path.Combine(fixture.Dir, "cache")));

        runner.Signal("TERM");
        var result = runner.WaitForExit(Limit);

        Assert.Equal(143, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 1 (#i \"{feed.Url}\"): Interrupted: SIGTERM received", result.FailureLine);
        Assert.Empty(ChildProcesses.Mentioning(Path.Combine(fixture.Dir, "cache")));
    }
}
