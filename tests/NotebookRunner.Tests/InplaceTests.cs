namespace NotebookRunner.Tests;

public class InplaceTests
{
    [Fact]
    public void an_output_path_equal_to_the_input_is_refused_without_inplace()
    {
        using var fixture = new FixtureCopy("plain.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "-o", fixture.Notebook);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: output path is the input notebook; choose another -o or pass --inplace",
            result.FirstStderrLine);
        Assert.True(fixture.InputUnchanged);
    }

    [Fact]
    public void inplace_writes_the_executed_notebook_back_over_the_input()
    {
        using var fixture = new FixtureCopy("plain.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, "run", fixture.Notebook, "--inplace");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(fixture.InputUnchanged);
        var written = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fixture.Notebook))!;
        Assert.Equal(2, (int)written["cells"]![2]!["execution_count"]!);
        Assert.Equal("completed", (string)written["cells"]![2]!["metadata"]!["papermill"]!["status"]!);
    }
}
