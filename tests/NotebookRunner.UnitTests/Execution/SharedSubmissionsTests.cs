using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Execution;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>A compiled submission is handed to a later notebook only when it would compile to the same and holds nothing of its own.</summary>
public sealed class SharedSubmissionsTests : IDisposable
{
    readonly ScratchFolder scratch = new("shared-submissions");
    readonly SharedSubmissions shared = new();
    readonly ScriptOptions options;
    readonly Script<object> previous;

    public SharedSubmissionsTests()
    {
        options = ScriptOptions.Default.WithFilePath(scratch.Path("first.ipynb.cell2.csx"))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(scratch.Root));
        previous = CSharpScript.Create("", options);
    }

    Script<object> Compiled(string code, ScriptOptions? with = null) =>
        ScriptSubmissions.ContinueWith(shared, previous, code, with ?? options);

    ScriptOptions InSecondNotebook => options.WithFilePath(scratch.Path("second.ipynb.cell2.csx"));

    [Fact]
    public void a_load_cell_a_second_notebook_has_too_gets_the_submission_the_first_compiled()
    {
        File.WriteAllText(scratch.Path("helpers.csx"), "int Twice(int x) => 2 * x;");
        var first = Compiled("#load \"helpers.csx\"");

        Assert.Same(first, shared.Find(previous, "#load \"helpers.csx\"", InSecondNotebook));
    }

    [Fact]
    public void a_cell_that_declares_or_runs_something_of_its_own_is_not_shared()
    {
        Compiled("var x = 1;");

        Assert.Null(shared.Find(previous, "var x = 1;", InSecondNotebook));
    }

    [Fact]
    public void a_loaded_file_with_a_static_field_is_not_shared()
    {
        File.WriteAllText(scratch.Path("tally.csx"), "static class Tally { public static int Count; }");
        Compiled("#load \"tally.csx\"");

        Assert.Null(shared.Find(previous, "#load \"tally.csx\"", InSecondNotebook));
    }

    [Fact]
    public void a_loaded_file_edited_since_is_compiled_again()
    {
        File.WriteAllText(scratch.Path("helpers.csx"), "int Twice(int x) => 2 * x;");
        Compiled("#load \"helpers.csx\"");

        File.WriteAllText(scratch.Path("helpers.csx"), "int Twice(int x) => x + x;");

        Assert.Null(shared.Find(previous, "#load \"helpers.csx\"", InSecondNotebook));
    }

    [Fact]
    public void a_notebook_with_other_references_or_imports_gets_its_own()
    {
        File.WriteAllText(scratch.Path("helpers.csx"), "int Twice(int x) => 2 * x;");
        Compiled("#load \"helpers.csx\"");

        Assert.Null(shared.Find(previous, "#load \"helpers.csx\"", InSecondNotebook.AddReferences(typeof(System.Xml.XmlDocument).Assembly)));
        Assert.Null(shared.Find(previous, "#load \"helpers.csx\"", InSecondNotebook.AddImports("System.Text")));
    }

    public void Dispose() => scratch.Dispose();
}
