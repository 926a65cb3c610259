using NotebookRunner.Export;
using NotebookRunner.Export.App;
using NotebookRunner.Notebooks;

namespace Export.Tests;

/// How one code cell becomes app code: pure logic, checked in-process.
public sealed class CellTranslationTests
{
    private static string Translate(string source, AppParts parts, Func<string, ConvertedScript?>? loadScript = null)
    {
        var cell = new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        });
        return CodeCellTranslator.Translate(cell, 3, Path.GetTempPath(), parts, loadScript ?? (_ => null));
    }

    [Fact]
    public void A_cells_last_expression_without_a_semicolon_is_displayed_as_its_result()
    {
        var parts = new AppParts("n.ipynb");
        Assert.Equal("var w = 1;\ndisplay(w);", Translate("var w = 1;\nw", parts));
        Assert.Empty(parts.Problems);
    }

    [Fact]
    public void A_nuget_reference_becomes_a_package_directive_and_stays_visible_as_a_comment()
    {
        var parts = new AppParts("n.ipynb");
        Assert.Equal("// #r \"nuget: ScottPlot, 5.1.59\"", Translate("#r \"nuget: ScottPlot, 5.1.59\"", parts));
        Assert.Equal([("ScottPlot", "5.1.59")], parts.Packages);
    }

    [Fact]
    public void Using_directives_move_to_the_top_and_types_to_the_end()
    {
        var parts = new AppParts("n.ipynb");
        var code = Translate("using TorchSharp;\nclass Model { }\nvar m = new Model();", parts);
        Assert.Equal(["using TorchSharp;"], parts.Usings);
        Assert.Equal(["class Model { }"], parts.Types);
        Assert.Contains("var m = new Model();", code);
        Assert.DoesNotContain("class Model", code.Replace("// Model is declared", ""));
    }

    [Fact]
    public void A_load_of_a_script_calls_the_converted_scripts_initialiser_where_the_notebook_loaded_it()
    {
        using var scratch = new ScratchFolder("export-load");
        var script = scratch.Path("tools.csx");
        File.WriteAllText(script, "int Twice(int x) => 2 * x;\n");
        var parts = new AppParts("n.ipynb");
        var code = Translate($"#load \"{script}\"", parts, path => new ConvertedScript("Tools", "tools.cs", ""));
        Assert.StartsWith("Tools.Initialize();", code);
        Assert.Equal(script, Assert.Single(parts.Scripts).ScriptPath);
    }

    [Fact]
    public void A_script_becomes_a_static_class_with_its_statements_in_Initialize_and_its_types_beside_it()
    {
        using var scratch = new ScratchFolder("export-script");
        var script = scratch.Path("my-tools.csx");
        File.WriteAllText(script, "using System;\nint Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(2));\nclass Box { }\n");
        var problems = new List<ExportProblem>();
        var converted = ScriptIncludeConverter.Convert(script, "my-tools.csx", "// header", problems);
        Assert.Empty(problems);
        Assert.Equal("MyTools", converted.ClassName);
        Assert.Equal("my-tools.cs", converted.FileName);
        Assert.Contains("public static int Twice(int x) => 2 * x;", converted.Text);
        var initialize = converted.Text.IndexOf("public static void Initialize()", StringComparison.Ordinal);
        Assert.True(initialize >= 0 && converted.Text.IndexOf("Console.WriteLine(Twice(2));", StringComparison.Ordinal) > initialize);
        Assert.True(converted.Text.IndexOf("class Box", StringComparison.Ordinal) > converted.Text.LastIndexOf('}', converted.Text.IndexOf("class Box", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_scripts_top_level_var_is_a_problem_not_a_silently_dropped_variable()
    {
        using var scratch = new ScratchFolder("export-script-var");
        var script = scratch.Path("state.csx");
        File.WriteAllText(script, "var count = 0;\n");
        var problems = new List<ExportProblem>();
        ScriptIncludeConverter.Convert(script, "state.csx", "// header", problems);
        Assert.Contains("line 1", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData(new[] { "-p", "seed" }, "-p needs a name and a value")]
    [InlineData(new[] { "--figures" }, "--figures needs a folder")]
    [InlineData(new[] { "--seed", "7" }, "unknown argument '--seed'")]
    public void An_app_refuses_arguments_it_does_not_understand_with_one_line(string[] args, string message)
    {
        var e = Assert.Throws<AppUsageException>(() => AppArguments.Parse(args));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
