using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Tests;

/// <summary>What a notebook can use of Polyglot's C# kernel behaves in the runner as in the kernel.</summary>
public class KernelFeatureTests
{
    [Fact]
    public void a_time_magic_shows_the_wall_time_after_the_cells_outputs_as_polyglot_does()
    {
        using var fixture = new FixtureCopy("time-magic.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        var outputs = Outputs(fixture);
        Assert.Equal(["stream", "execute_result", "display_data"], outputs.Select(o => (string)o!["output_type"]!));
        Assert.Equal("fitting\n", NotebookText.Of(outputs[0]!["text"]));
        Assert.Equal("fitted", NotebookText.Of(outputs[1]!["data"]!["text/plain"]));
        // Microsoft's kernel prints e.g. "Wall time: 1151.2668ms" (TimeSpan.TotalMilliseconds, then "ms").
        Assert.Matches(new Regex(@"^Wall time: \d+([.,]\d+)?ms$"), NotebookText.Of(outputs[2]!["data"]!["text/plain"]));
        Assert.Single(outputs[2]!["data"]!.AsObject());
    }

    [Fact]
    public void display_as_shows_a_string_as_the_mime_type_it_names()
    {
        using var fixture = new FixtureCopy("display-as.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = Assert.Single(Outputs(fixture))!;
        Assert.Equal("display_data", (string)output["output_type"]!);
        Assert.Equal("<b>bold</b>", NotebookText.Of(Assert.Single(output["data"]!.AsObject()).Value));
        Assert.Equal("text/html", output["data"]!.AsObject().Single().Key);
    }

    [Fact]
    public void kernel_root_is_named_like_polyglots_root_kernel()
    {
        using var fixture = new FixtureCopy("kernel-root.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(".NET", NotebookText.Of(Assert.Single(Outputs(fixture))!["data"]!["text/plain"]));
    }

    [Fact]
    public void a_magic_command_the_runner_does_not_support_fails_with_one_line_naming_the_cell()
    {
        using var fixture = new FixtureCopy("unsupported-magic.ipynb");

        var result = fixture.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: cell 2 (var x = 1;): UnsupportedMagicCommand: cell 2, line 2: the magic command #!who is not supported " +
            "by this runner (it runs C# cells, #r \"nuget:\", #i, #load and #!time); remove the line, or run the notebook in Polyglot Notebooks",
            result.FailureLine);
    }

    private static JsonArray Outputs(FixtureCopy fixture) => fixture.ReadOutput()["cells"]![0]!["outputs"]!.AsArray();
}
