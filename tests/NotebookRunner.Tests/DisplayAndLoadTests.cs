namespace NotebookRunner.Tests;

public class DisplayAndLoadTests
{
    [Fact]
    public void display_of_html_produces_display_data_with_text_html()
    {
        using var fixture = new FixtureCopy("display-html.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = Assert.Single(fixture.ReadOutput()["cells"]![0]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", (string)output["output_type"]!);
        var html = output["data"]!["text/html"]!;
        Assert.Equal("<b>bold</b>", NotebookText.Of(html));
    }

    [Fact]
    public void a_load_directive_resolves_relative_to_the_notebook()
    {
        using var fixture = new FixtureCopy("load-helper.ipynb", "helper.csx");
        using var elsewhere = new ScratchFolder("nbrunner-cwd");

        var result = RunnerProcess.Run(elsewhere.Root, "run", fixture.Notebook, "-o", fixture.Output, "--report", fixture.Report);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(42, (int)fixture.ReadReportNotebook()["variables"]!["doubled"]!);
    }
}
