using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>Whatever a cell does, the run ends: long outputs, leftover threads, a feed that never answers.</summary>
public class NeverHangTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    static string[] RunArgs(FixtureCopy fixture, params string[] extra) =>
        new[] { "run", fixture.Notebook, "-o", fixture.Output }.Concat(extra).ToArray();

    static List<string> Text(JsonNode output) => output["text"]!.AsArray().Select(t => (string)t!).ToList();

    [Fact]
    public void a_cell_printing_two_million_lines_finishes_keeping_its_first_and_last_lines()
    {
        using var fixture = new FixtureCopy("two-million-lines.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, RunArgs(fixture), Limit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        var lines = Text(Assert.Single(cells[1]!["outputs"]!.AsArray())!);
        Assert.Equal("line 0\n", lines[0]);
        Assert.Equal("line 1999999\n", lines[^1]);
        Assert.Contains(lines, line => line.Contains("lines left out"));
        Assert.True(lines.Count < 400_000, $"{lines.Count} lines kept");
        Assert.Equal(["next cell\n"], Text(Assert.Single(cells[2]!["outputs"]!.AsArray())!));
    }

    [Fact]
    public void a_foreground_thread_left_running_by_a_cell_does_not_keep_the_runner_alive()
    {
        using var fixture = new FixtureCopy("foreground-thread.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, RunArgs(fixture), Limit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.All(cells, cell => Assert.Equal("completed", (string)cell!["metadata"]!["papermill"]!["status"]!));
    }

    [Fact]
    public void the_timeout_bounds_a_restore_from_a_feed_that_never_answers_and_ends_its_dotnet_restore()
    {
        using var fixture = new FixtureCopy("silent-feed.ipynb");
        using var feed = new SilentFeed();
        var notebookText = File.ReadAllText(fixture.Notebook).Replace("FEED_URL", feed.Url);
        File.WriteAllText(fixture.Notebook, notebookText);

        var result = RunnerLaunch.Run(fixture.Dir, RunArgs(fixture, "--timeout", "10"), Limit,
            environment: new Dictionary<string, string?> { ["NOTEBOOK_RUNNER_CACHE"] = Path.Combine(fixture.Dir, "cache") });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 1 (#i \"{feed.Url}\"): System.TimeoutException: ", result.FailureLine);
        Assert.True(feed.Connections > 0, "the restore never reached the feed");
        Assert.Empty(ChildProcesses.Mentioning(Path.Combine(fixture.Dir, "cache")));
        Assert.Equal("pending", (string)fixture.ReadOutput()["cells"]![1]!["metadata"]!["papermill"]!["status"]!);
    }

    [Fact]
    public void after_a_timeout_in_a_folder_run_the_notebooks_not_run_are_named()
    {
        using var fixture = new FixtureCopy("endless-first-of-a-folder.ipynb", "plain.ipynb");
        var outputFolder = Path.Combine(fixture.Dir, "executed") + "/";

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Dir, "-o", outputFolder, "--timeout", "3"], Limit);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 1 (while (true) {{}}): System.TimeoutException: ", result.FailureLine);
        Assert.Contains($"not run: {Path.Combine(fixture.Dir, "plain.ipynb")}", result.Stderr);
        Assert.False(File.Exists(Path.Combine(outputFolder, "plain.ipynb")));
    }
}
