namespace NotebookRunner.Tests;

public class PackagesAndTimeoutTests
{
    [Fact]
    public void an_unresolvable_package_fails_its_cell_with_could_not_restore_and_exit_code_1()
    {
        using var fixture = new FixtureCopy("missing-package.ipynb");

        var result = fixture.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 1 (#r \"nuget: No.Such.Package.Xyz, 1.0.0\"): ", result.FailureLine);
        Assert.Contains("could not restore No.Such.Package.Xyz 1.0.0", result.FailureLine);
        Assert.True(fixture.InputUnchanged);
    }

    [Fact]
    public void an_endless_cell_times_out_with_exit_code_1_and_the_partial_notebook_written()
    {
        using var fixture = new FixtureCopy("infinite-loop.ipynb");

        var result = fixture.Run("--timeout", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: cell 2 (while (true) {{}}): System.TimeoutException: ", result.FailureLine);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        // The loop is the first code cell on purpose: script warm-up counts toward the first code cell's timeout.
        Assert.Equal("# The next cell never ends", (string)cells[0]!["source"]![0]!);
        var error = Assert.Single(cells[1]!["outputs"]!.AsArray())!;
        Assert.Equal("System.TimeoutException", (string)error["ename"]!);
        Assert.Equal("pending", (string)cells[2]!["metadata"]!["papermill"]!["status"]!);
        Assert.True(fixture.InputUnchanged);
    }
}
