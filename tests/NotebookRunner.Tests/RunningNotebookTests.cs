using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

public class RunningNotebookTests
{
    static string Source(JsonNode cell) => string.Concat(cell["source"]!.AsArray().Select(line => (string)line!));

    [Fact]
    public void a_plain_notebook_runs_with_outputs_execution_counts_and_papermill_status()
    {
        using var fixture = new FixtureCopy("plain.ipynb");

        var result = fixture.Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(fixture.InputUnchanged);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        var printCell = cells[1]!;
        var stream = Assert.Single(printCell["outputs"]!.AsArray())!;
        Assert.Equal("stream", (string)stream["output_type"]!);
        Assert.Equal("stdout", (string)stream["name"]!);
        Assert.Equal("hello from cell 2\n", string.Concat(stream["text"]!.AsArray().Select(t => (string)t!)));
        Assert.Equal(1, (int)printCell["execution_count"]!);
        var expressionCell = cells[2]!;
        var result42 = Assert.Single(expressionCell["outputs"]!.AsArray())!;
        Assert.Equal("execute_result", (string)result42["output_type"]!);
        Assert.Contains("42", result42["data"]!.ToJsonString());
        Assert.Equal(2, (int)expressionCell["execution_count"]!);
        foreach (var cell in cells)
            Assert.Equal("completed", (string)cell!["metadata"]!["papermill"]!["status"]!);
    }

    [Fact]
    public void a_compile_error_reports_the_cell_and_its_own_line_numbers_with_exit_code_1()
    {
        using var fixture = new FixtureCopy("compile-error.ipynb");

        var result = fixture.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            $"{fixture.Notebook}: cell 3 (// second line holds the error): CompilationErrorException: (2,9): error CS0029",
            result.FailureLine);
        Assert.True(fixture.InputUnchanged);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        var error = Assert.Single(cells[2]!["outputs"]!.AsArray())!;
        Assert.Equal("error", (string)error["output_type"]!);
        Assert.Equal("CompilationErrorException", (string)error["ename"]!);
        Assert.Equal("failed", (string)cells[2]!["metadata"]!["papermill"]!["status"]!);
        Assert.Equal("pending", (string)cells[3]!["metadata"]!["papermill"]!["status"]!);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
    }

    [Fact]
    public void a_runtime_exception_reports_its_full_type_name_and_message_with_exit_code_1()
    {
        using var fixture = new FixtureCopy("runtime-exception.ipynb");

        var result = fixture.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: cell 2 (throw new InvalidOperationException(\"the cell gave up\");): System.InvalidOperationException: the cell gave up",
            result.FailureLine);
        var error = Assert.Single(fixture.ReadOutput()["cells"]![1]!["outputs"]!.AsArray())!;
        Assert.Equal("System.InvalidOperationException", (string)error["ename"]!);
        Assert.Equal("the cell gave up", (string)error["evalue"]!);
        Assert.True(fixture.InputUnchanged);
    }

    [Fact]
    public void a_cell_in_another_language_fails_as_unsupported_not_as_a_compile_error()
    {
        using var fixture = new FixtureCopy("fsharp-cell.ipynb");

        var result = fixture.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{fixture.Notebook}: cell 3 (printfn \"hi\"): UnsupportedCellLanguage: cell 3 is F# (kernelName fsharp); this runner executes C# only",
            result.FailureLine);
    }
}
