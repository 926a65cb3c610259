using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>Polyglot's lines are taken out of a cell and honoured, with every other line where it was.</summary>
public class CellDirectivesTests
{
    private static NotebookCell Cell(string source, JsonObject? metadata = null) =>
        new(new JsonObject { ["cell_type"] = "code", ["source"] = source, ["metadata"] = metadata ?? new JsonObject() });

    [Fact]
    public void a_nuget_reference_becomes_a_package_and_an_empty_line()
    {
        var prepared = CellDirectives.Prepare("#r \"nuget: TorchSharp-cpu, 1.2.3\"\n#r \"nuget:ScottPlot\"\nvar x = 1;");

        Assert.Equal([new NugetReference("TorchSharp-cpu", "1.2.3"), new NugetReference("ScottPlot", null)], prepared.Packages);
        Assert.Equal("\n\nvar x = 1;", prepared.Code);
    }

    [Fact]
    public void a_source_line_becomes_a_package_source_with_or_without_the_nuget_prefix()
    {
        var prepared = CellDirectives.Prepare("#i \"nuget: https://feed.example/v3/index.json\"\n#i \"/local/feed\"\n");

        Assert.Equal(["https://feed.example/v3/index.json", "/local/feed"], prepared.Sources);
        Assert.Equal("\n\n", prepared.Code);
    }

    [Fact]
    public void a_reference_to_a_file_stays_for_roslyn_to_resolve()
    {
        var prepared = CellDirectives.Prepare("#r \"lib/Thing.dll\"\n#load \"../helpers/helpers.csx\"");

        Assert.Empty(prepared.Packages);
        Assert.Equal("#r \"lib/Thing.dll\"\n#load \"../helpers/helpers.csx\"", prepared.Code);
    }

    [Fact]
    public void time_magic_marks_the_cell_timed_and_leaves_an_empty_line()
    {
        var prepared = CellDirectives.Prepare("#!time\nvar x = 1;");

        Assert.True(prepared.Timed);
        Assert.Null(prepared.UnsupportedMagic);
        Assert.Equal("\nvar x = 1;", prepared.Code);
    }

    [Fact]
    public void a_csharp_kernel_line_is_dropped_without_a_complaint()
    {
        var prepared = CellDirectives.Prepare("#!csharp\nvar x = 1;");

        Assert.False(prepared.Timed);
        Assert.Null(prepared.UnsupportedMagic);
        Assert.Equal("\nvar x = 1;", prepared.Code);
    }

    [Fact]
    public void the_first_magic_the_runner_cannot_honour_is_reported_with_its_line_number()
    {
        var prepared = CellDirectives.Prepare("var x = 1;\n#!who\n#!lsmagic");

        Assert.Equal(("#!who", 2), prepared.UnsupportedMagic);
        Assert.Equal("var x = 1;\n\n", prepared.Code);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void every_line_keeps_its_own_ending_so_line_numbers_stay_the_cells(string ending)
    {
        var source = string.Join(ending, "#r \"nuget: A, 1.0\"", "#!time", "int y = 2;", "y");

        var prepared = CellDirectives.Prepare(source);

        Assert.Equal(string.Join(ending, "", "", "int y = 2;", "y"), prepared.Code);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "fsharp")]
    [InlineData("#!pwsh\nls", "pwsh")]
    public void a_leading_kernel_line_names_the_cells_kernel(string source, string kernel) =>
        Assert.Equal(kernel, CellDirectives.KernelOf(Cell(source)).KernelName);

    [Fact]
    public void without_a_kernel_line_the_kernel_comes_from_the_metadata_else_csharp()
    {
        var polyglot = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "sql" } };
        var interactive = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "fsharp" } };

        Assert.Equal("sql", CellDirectives.KernelOf(Cell("select 1", polyglot)).KernelName);
        Assert.Equal("fsharp", CellDirectives.KernelOf(Cell("let x = 1", interactive)).KernelName);
        Assert.Equal("csharp", CellDirectives.KernelOf(Cell("var x = 1;")).KernelName);
    }

    [Fact]
    public void a_csharp_cell_passes_the_language_check_in_any_of_its_names()
    {
        CellDirectives.EnsureCSharp(Cell("var x = 1;"), 1);
        CellDirectives.EnsureCSharp(Cell("#!c#\nvar x = 1;"), 2);
        CellDirectives.EnsureCSharp(Cell("var x = 1;", new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "CSharp" } }), 3);
    }

    [Fact]
    public void a_cell_in_another_language_fails_naming_the_cell_the_language_and_where_it_was_declared()
    {
        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "pwsh" } };

        var error = Assert.Throws<CellLanguageException>(() => CellDirectives.EnsureCSharp(Cell("ls", metadata), 4));

        Assert.Equal("cell 4 is PowerShell (kernelName pwsh); this runner executes C# only", error.Message);
    }

    [Fact]
    public void the_unsupported_magic_message_names_the_cell_the_line_and_what_to_do() =>
        Assert.Equal("cell 3, line 2: the magic command #!who is not supported by this runner (it runs C# cells, "
                     + "#r \"nuget:\", #i, #load and #!time); remove the line, or run the notebook in Polyglot Notebooks",
            CellDirectives.UnsupportedMagicMessage(3, "#!who", 2));
}
