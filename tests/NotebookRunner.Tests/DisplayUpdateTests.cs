using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>`display(...).Update(...)` in the saved notebook, as nbclient saves it from a kernel's update_display_data.</summary>
public class DisplayUpdateTests
{
    [Fact]
    public void an_update_of_what_display_returned_replaces_its_output_where_it_was_shown()
    {
        using var fixture = new FixtureCopy("display-update-same-cell.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        var outputs = Outputs(fixture, 0);
        Assert.Equal(["display_data", "stream"], outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal("done", PlainText(outputs[0]));
        Assert.Equal("working\n", NotebookText.Of(outputs[1]["text"]));
    }

    [Fact]
    public void an_update_in_a_later_cell_replaces_the_output_of_the_cell_that_displayed_it()
    {
        using var fixture = new FixtureCopy("display-update-later-cell.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("done", PlainText(Assert.Single(Outputs(fixture, 0))));
        Assert.Equal("working\n", NotebookText.Of(Assert.Single(Outputs(fixture, 1))["text"]));
        Assert.Empty(Outputs(fixture, 2));
    }

    [Fact]
    public void an_update_of_what_the_Display_extension_returned_is_shown_as_one_more_output()
    {
        using var fixture = new FixtureCopy("display-extension-update.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        var outputs = Outputs(fixture, 0);
        Assert.Equal(["display_data", "display_data"], outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal(["first", "second"], outputs.Select(PlainText));
    }

    private static List<JsonNode> Outputs(FixtureCopy fixture, int cell) =>
        fixture.ReadOutput()["cells"]![cell]!["outputs"]!.AsArray().Select(o => o!).ToList();

    private static string PlainText(JsonNode output) => NotebookText.Of(output["data"]!["text/plain"]);
}
