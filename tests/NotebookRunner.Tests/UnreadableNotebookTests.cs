namespace NotebookRunner.Tests;

public class UnreadableNotebookTests
{
    [Fact]
    public void a_missing_file_exits_2_with_one_line_naming_it()
    {
        using var scratch = new ScratchFolder("nbrunner-tests");
        var missing = scratch.Path("missing.ipynb");

        var result = RunnerProcess.Run(scratch.Root, "run", missing, "-o", scratch.Path("out.ipynb"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{missing}: file not found; check the path", result.Stderr.Trim());
    }

    [Fact]
    public void malformed_json_exits_2_naming_the_line()
    {
        using var fixture = new FixtureCopy("malformed.ipynb");

        var result = fixture.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: malformed JSON at line ", result.FirstStderrLine);
        Assert.False(File.Exists(fixture.Output));
        Assert.True(fixture.InputUnchanged);
    }

    [Fact]
    public void an_nbformat_3_notebook_exits_2_as_unsupported()
    {
        using var fixture = new FixtureCopy("nbformat3.ipynb");

        var result = fixture.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: nbformat 3 is not supported; ", result.FirstStderrLine);
        Assert.False(File.Exists(fixture.Output));
    }
}
