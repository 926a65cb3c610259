using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Execution;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>Cells compile ahead on top of each other, and a compile is handed out only for what it was made from.</summary>
public class AheadCompilerTests
{
    static readonly ScriptOptions Options = ScriptOptions.Default;
    static readonly Script<object> Previous = CSharpScript.Create("var x = 1;", Options);

    static AheadCompiler Started(params string[] codes)
    {
        var ahead = new AheadCompiler(new SharedSubmissions());
        ahead.Start(Previous, Options, codes.Select((code, i) => (i + 2, $"cell{i + 2}.csx", (Func<string?>)(() => code))).ToList());
        return ahead;
    }

    [Fact]
    public void a_cell_compiled_ahead_is_handed_out_for_its_code_previous_script_and_options()
    {
        using var ahead = Started("x + 1", "x + 2");

        var second = ahead.Take(2, "x + 1", Previous, Options);
        var third = ahead.Take(3, "x + 2", second!.Script, Options);

        Assert.Null(second.Error);
        Assert.Same(second.Script, third!.Script.Previous);
    }

    [Fact]
    public void a_cell_asked_for_with_other_code_or_another_previous_script_compiles_in_its_turn()
    {
        using var ahead = Started("x + 1");

        Assert.Null(ahead.Take(2, "x + 100", Previous, Options));
        Assert.Null(ahead.Take(2, "x + 1", CSharpScript.Create("var x = 5;", Options), Options));
        Assert.Null(ahead.Take(2, "x + 1", Previous, Options.AddImports("System.Text")));
    }

    [Fact]
    public void compiling_ahead_stops_before_a_cell_with_a_reference_line()
    {
        using var ahead = Started("x + 1", "#r \"Library.dll\"\nx", "x + 3");

        var second = ahead.Take(2, "x + 1", Previous, Options);

        Assert.Null(ahead.Take(3, "#r \"Library.dll\"\nx", second!.Script, Options));
    }

    [Fact]
    public void compiling_ahead_stops_after_a_cell_that_does_not_compile_and_keeps_its_error()
    {
        using var ahead = Started("Undeclared()", "x + 2");

        var failed = ahead.Take(2, "Undeclared()", Previous, Options);

        Assert.Contains(failed!.Error!.Diagnostics, d => d.Id == "CS0103");
        Assert.Null(ahead.Take(3, "x + 2", failed.Script, Options));
    }

    [Fact]
    public void a_cell_whose_load_failed_compiles_in_its_turn_when_the_file_may_be_there()
    {
        using var scratch = new ScratchFolder("ahead-compiler");
        var code = $"#load \"{scratch.Path("made-later.csx")}\"\ny";

        using var ahead = Started(code);

        Assert.Null(ahead.Take(2, code, Previous, Options));
    }

    [Fact]
    public void a_cell_whose_loaded_file_changed_since_compiles_in_its_turn()
    {
        using var scratch = new ScratchFolder("ahead-compiler");
        var file = scratch.Path("helper.csx");
        File.WriteAllText(file, "var y = 1;");
        var code = $"#load \"{file}\"\ny";
        using var ahead = Started(code);
        ahead.Take(2, code, Previous, Options);  // waits for the compile

        File.WriteAllText(file, "var y = 2;");

        Assert.Null(ahead.Take(2, code, Previous, Options));
    }
}
