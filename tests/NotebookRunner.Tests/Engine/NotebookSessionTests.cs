using System.Text.Json.Nodes;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Tests.Engine;

/// <summary>
/// The engine's cell pipeline in this process, as both front ends drive it. The console is the process's, so these
/// run one after another in one class.
/// </summary>
public sealed class NotebookSessionTests : IDisposable
{
    readonly ScratchFolder folder = new("nbrunner-session-tests");
    readonly NotebookSession session;
    int count;

    public NotebookSessionTests()
    {
        session = new NotebookSession(new SessionSettings(folder.Path("notebook.ipynb"), TextWriter.Null, TextReader.Null));
    }

    (CellResult Result, JsonArray Outputs) Run(string code, TimeSpan? timeout = null, CancellationToken stop = default)
    {
        var outputs = session.Outputs.BeginCell();
        var cell = new NotebookCell(new JsonObject { ["cell_type"] = "code", ["source"] = code, ["metadata"] = new JsonObject() });
        count++;
        return (session.Run(cell, count, count, new CellBounds(timeout, stop)), outputs);
    }

    /// <summary>Runs the cells in order as `run` does: told them all first, so each compiles while the ones before it run.</summary>
    (CellResult Result, JsonArray Outputs)[] RunCompiledAhead(params string[] codes)
    {
        var cells = codes.Select(code => new NotebookCell(new JsonObject { ["cell_type"] = "code", ["source"] = code, ["metadata"] = new JsonObject() })).ToList();
        session.CompileAhead(cells.Select((cell, index) => (cell, count + 1 + index)));
        return cells.Select(cell =>
        {
            var outputs = session.Outputs.BeginCell();
            count++;
            return (session.Run(cell, count, count, CellBounds.None), outputs);
        }).ToArray();
    }

    static string Stdout(JsonArray outputs) => string.Concat(outputs
        .Where(o => (string?)o!["output_type"] == "stream" && (string?)o["name"] == "stdout")
        .SelectMany(o => o!["text"]!.AsArray().Select(t => (string?)t)));

    [Fact]
    public void a_cell_after_one_that_replaced_Console_Out_still_shows_what_it_prints()
    {
        Run("Console.SetOut(new System.IO.StringWriter());");

        var (result, outputs) = Run("Console.WriteLine(\"still shown\");");

        Assert.Equal(CellEnd.Completed, result.End);
        Assert.Equal("still shown\n", Stdout(outputs));
    }

    [Fact]
    public void a_cell_past_its_timeout_ends_as_timed_out_and_its_loop_stops()
    {
        Run("public static class Spin { public static long Turns; }");

        var (result, outputs) = Run("while (true) { Spin.Turns++; }", timeout: TimeSpan.FromSeconds(1));

        Assert.Equal(CellEnd.TimedOut, result.End);
        Assert.Equal("System.TimeoutException", (string?)Assert.Single(outputs)!["ename"]);
        var (_, after) = Run("var seen = Spin.Turns; System.Threading.Thread.Sleep(300); Console.WriteLine(Spin.Turns == seen);");
        Assert.Equal("True\n", Stdout(after));
    }

    [Fact]
    public void a_stopped_cell_ends_interrupted_and_the_session_keeps_the_cells_before_it()
    {
        Run("var kept = 41;");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var (result, _) = Run("while (true) { }", stop: stop.Token);
        var (after, outputs) = Run("Console.WriteLine(kept + 1);");

        Assert.Equal(CellEnd.Stopped, result.End);
        Assert.Equal(CellEnd.Completed, after.End);
        Assert.Equal("42\n", Stdout(outputs));
    }

    [Fact]
    public void a_cell_in_another_language_fails_with_one_line_naming_it()
    {
        var (result, outputs) = Run("#!fsharp\nprintfn \"hi\"");

        Assert.Equal(CellEnd.Failed, result.End);
        Assert.Equal("UnsupportedCellLanguage", (string?)Assert.Single(outputs)!["ename"]);
        Assert.Contains("F#", result.Error!.Evalue);
    }

    [Fact]
    public void an_expression_evaluated_after_a_cell_sees_its_variables_and_declares_nothing()
    {
        Run("var lr = 0.03;");

        var (data, error) = session.Evaluate("var twice = 2 * lr; twice");
        var (_, missing) = session.Evaluate("twice");

        Assert.Null(error);
        Assert.Contains(data!, d => d.MimeType == "text/plain" && d.Value == "0.06");
        Assert.Contains("CS0103", missing!.Evalue);
    }

    [Fact]
    public void a_cell_compiled_ahead_loads_the_file_as_an_earlier_cell_rewrote_it()
    {
        var file = folder.Path("answer.csx");
        File.WriteAllText(file, "var answer = 1;");

        var cells = RunCompiledAhead(
            "System.Threading.Thread.Sleep(1000);",
            $"System.IO.File.WriteAllText(@\"{file}\", \"var answer = 2;\");",
            "#load \"answer.csx\"",
            "Console.WriteLine(answer);");

        Assert.All(cells, cell => Assert.Equal(CellEnd.Completed, cell.Result.End));
        Assert.Equal("2\n", Stdout(cells[3].Outputs));
    }

    [Fact]
    public void a_cell_compiled_ahead_that_does_not_compile_fails_in_its_turn_with_its_own_line_numbers()
    {
        var cells = RunCompiledAhead(
            "var x = 1;",
            "Console.WriteLine(x);",
            "var y = 2;\nUndeclared();",
            "Console.WriteLine(x + 1);");

        Assert.Equal("1\n", Stdout(cells[1].Outputs));
        Assert.Equal(CellEnd.Failed, cells[2].Result.End);
        Assert.Equal("(2,1): error CS0103: The name 'Undeclared' does not exist in the current context", cells[2].Result.Error!.Evalue);
        Assert.Equal("2\n", Stdout(cells[3].Outputs));
    }

    [Fact]
    public async Task the_compiler_warm_up_declares_nothing_the_cells_see()
    {
        await session.StartCompilerWarmUp();

        var (missing, _) = Run("seed");
        var (own, outputs) = Run("var seed = 7;\nseed");

        Assert.Equal(CellEnd.Failed, missing.End);
        Assert.Contains("CS0103", missing.Error!.Evalue);
        Assert.Equal(CellEnd.Completed, own.End);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>7</pre></div>", NotebookText.Of(outputs.Single()!["data"]!["text/html"]));
    }

    public void Dispose()
    {
        session.Dispose();
        folder.Dispose();
    }
}
