using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>
/// The notebooks of one run share the submissions they begin alike with (a `#load` of the same file), and each still
/// starts from fresh state: what a loaded file declares starts over in every notebook.
/// </summary>
public class SharedSubmissionsTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    static JsonObject Notebook(params string[] cells) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
        ["cells"] = new JsonArray(cells.Select((code, i) => (JsonNode?)new JsonObject
        {
            ["id"] = $"cell{i}", ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["execution_count"] = null,
            ["outputs"] = new JsonArray(), ["source"] = code,
        }).ToArray()),
    };

    static string Stdout(string notebookPath, int cell) =>
        string.Concat(JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]![cell]!["outputs"]!.AsArray()
            .Where(o => (string?)o!["output_type"] == "stream")
            .SelectMany(o => o!["text"]!.AsArray().Select(t => (string?)t)));

    /// <summary>Two notebooks that #load the same file and count in it; returns what each printed.</summary>
    static (string First, string Second) CountInTwoNotebooks(string loadedFile)
    {
        using var scratch = new ScratchFolder("shared-submissions");
        File.WriteAllText(scratch.Path("counting.csx"), loadedFile);
        foreach (var name in new[] { "a.ipynb", "b.ipynb" })
            File.WriteAllText(scratch.Path(name), Notebook("#load \"counting.csx\"", "Console.WriteLine(Next());").ToJsonString());

        var result = RunnerLaunch.Run(scratch.Root, ["run", scratch.Root, "-o", scratch.Path("out")], Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        return (Stdout(scratch.Path("out", "a.ipynb"), 1), Stdout(scratch.Path("out", "b.ipynb"), 1));
    }

    [Fact]
    public void a_variable_a_loaded_file_declares_starts_over_in_each_notebook_of_a_run()
    {
        var (first, second) = CountInTwoNotebooks("var count = 0;\nint Next() => ++count;");

        Assert.Equal("1\n", first);
        Assert.Equal("1\n", second);
    }

    [Fact]
    public void a_static_field_a_loaded_file_declares_starts_over_in_each_notebook_of_a_run()
    {
        var (first, second) = CountInTwoNotebooks("static class Tally { public static int Count; }\nint Next() => ++Tally.Count;");

        Assert.Equal("1\n", first);
        Assert.Equal("1\n", second);
    }
}
