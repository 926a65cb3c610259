using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>What one cell does to the console or its line endings does not leak into the runner or later cells.</summary>
public class CellIsolationTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    static string Text(JsonNode output) => string.Concat(output["text"]!.AsArray().Select(t => (string)t!));

    [Fact]
    public void a_cell_with_lone_carriage_returns_gives_a_failure_line_without_one()
    {
        using var fixture = new FixtureCopy("cr-only-cell.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output], Limit);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: cell 1 (// this cell's lines end in a lone carriage return): System.InvalidOperationException: cr only",
            result.FailureLine);
    }

    [Fact]
    public void a_cell_that_replaces_console_out_does_not_lose_later_cells_output()
    {
        using var fixture = new FixtureCopy("console-setout.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output], Limit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var later = Assert.Single(fixture.ReadOutput()["cells"]![1]!["outputs"]!.AsArray())!;
        Assert.Equal("printed after SetOut\n", Text(later));
    }

    [Fact]
    public void cells_read_an_empty_stdin_not_the_runners()
    {
        using var fixture = new FixtureCopy("reads-stdin.ipynb");

        var result = RunnerLaunch.Run(fixture.Dir, ["run", fixture.Notebook, "-o", fixture.Output], Limit,
            stdin: "a line meant for the runner, not for cells\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.Equal("stdin is empty\n", Text(Assert.Single(cells[0]!["outputs"]!.AsArray())!));
        Assert.Equal("raw stdin is empty\n", Text(Assert.Single(cells[1]!["outputs"]!.AsArray())!));
    }
}
