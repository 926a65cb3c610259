namespace NotebookRunner.Tests;

public class ParameterTests
{
    [Fact]
    public void a_parameter_is_injected_after_the_parameters_cell_and_used_by_the_run()
    {
        using var fixture = new FixtureCopy("parameters.ipynb");

        var result = fixture.Run("-p", "epochs", "5", "--report", fixture.Report);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(fixture.InputUnchanged);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        var injected = cells[2]!;
        Assert.Contains("injected-parameters", injected["metadata"]!["tags"]!.AsArray().Select(t => (string)t!));
        var source = string.Concat(injected["source"]!.AsArray().Select(line => (string)line!));
        Assert.Contains("// Parameters", source);
        Assert.Contains("var epochs = 5;", source);
        var variables = fixture.ReadReportNotebook()["variables"]!;
        Assert.Equal(5, (int)variables["epochs"]!);
        Assert.Equal(10, (int)variables["total"]!);
    }

    [Fact]
    public void an_unknown_parameter_exits_2_listing_the_valid_names()
    {
        using var fixture = new FixtureCopy("parameters.ipynb");

        var result = fixture.Run("-p", "nope", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: unknown parameter 'nope'; valid parameters: epochs (int), rate (double), name (string)",
            result.FirstStderrLine);
        Assert.False(File.Exists(fixture.Output));
    }

    [Fact]
    public void a_parameter_value_that_does_not_convert_exits_2()
    {
        using var fixture = new FixtureCopy("parameters.ipynb");

        var result = fixture.Run("-p", "epochs", "abc");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(
            $"{fixture.Notebook}: parameter 'epochs' is int, and 'abc' does not convert to int; ",
            result.FirstStderrLine);
    }

    [Fact]
    public void describe_lists_each_parameter_with_its_type_and_default()
    {
        using var fixture = new FixtureCopy("parameters.ipynb");

        var result = RunnerProcess.Run(fixture.Dir, "describe", fixture.Notebook);

        Assert.Equal(0, result.ExitCode);
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Join(' ', line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        Assert.Contains("epochs int 10", rows);
        Assert.Contains("rate double 0.5", rows);
        Assert.Contains("name string \"demo\"", rows);
    }
}
