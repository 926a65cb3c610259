using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookRunner.Execution;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>
/// Every loop of a kernel cell starts its body with the interrupt check, and the cell's lines stay where they were
/// (its error messages name the lines the learner wrote).
/// </summary>
public class InterruptCheckTests
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The statement the instrumentation puts first in a loop body, as it writes it.</summary>
    private static readonly string Check =
        ((BlockSyntax)Loops(InterruptCheck.Instrument("while (true) { }")).Single().Body).Statements[0].ToString();

    private const string Cell = """
        var total = 0;
        for (var i = 0; i < 3; i++)
        {
            total += i;
        }
        foreach (var x in new[] { 1, 2 }) total += x;
        while (total < 100) { total *= 2; }
        do
        {
            total--;
        } while (total > 50);
        foreach (var (a, b) in new[] { (1, 2) }) total += a + b;
        Func<int> f = () => { var n = 0; while (n < 3) n++; return n; };
        total
        """;

    [Fact]
    public async Task a_loop_of_an_instrumented_cell_stops_with_a_cancellation_once_interrupted()
    {
        var options = ScriptOptions.Default.AddReferences(typeof(InterruptCheck).Assembly);
        // A loop that would end on its own, so a missing check fails the test instead of hanging it.
        var script = CSharpScript.Create<int>(InterruptCheck.Instrument("var n = 0;\nwhile (n < 100_000_000) { n++; }\nn"), options);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        InterruptCheck.Enter(stop.Token);
        await Assert.ThrowsAsync<OperationCanceledException>(() => script.RunAsync());
    }

    [Fact]
    public void every_loop_body_starts_with_the_check_including_loops_inside_lambdas()
    {
        var loops = Loops(InterruptCheck.Instrument(Cell));

        Assert.Equal(6, loops.Count);
        Assert.All(loops, loop => Assert.Equal(Check, Assert.IsType<BlockSyntax>(loop.Body).Statements[0].ToString()));
    }

    [Fact]
    public void the_instrumented_cell_parses_without_errors_and_has_the_same_number_of_lines()
    {
        var instrumented = InterruptCheck.Instrument(Cell);

        Assert.Empty(CSharpSyntaxTree.ParseText(instrumented, Script).GetDiagnostics());
        Assert.Equal(Cell.Split('\n').Length, instrumented.Split('\n').Length);
    }

    [Fact]
    public void a_braced_body_keeps_every_line_and_column_the_check_goes_on_the_line_of_its_brace()
    {
        const string cell = "for (var i = 0; i < 3; i++)\n{\n    Console.WriteLine(i);\n}\n";

        var lines = InterruptCheck.Instrument(cell).Split('\n');

        Assert.Equal(["for (var i = 0; i < 3; i++)", "{" + Check, "    Console.WriteLine(i);", "}", ""], lines);
    }

    [Fact]
    public void a_body_without_braces_gets_them_on_its_own_line()
    {
        var lines = InterruptCheck.Instrument("while (n < 3) n++;\nn").Split('\n');

        Assert.Equal(["while (n < 3) {" + Check + "n++;}", "n"], lines);
    }

    [Fact]
    public void a_cell_without_loops_is_left_exactly_as_written()
    {
        const string cell = "// no loops\nvar y = Enumerable.Range(0, 3).Sum();\nif (y > 1) { y--; }\ny";

        Assert.Equal(cell, InterruptCheck.Instrument(cell));
    }

    private sealed record Loop(StatementSyntax Body);

    private static List<Loop> Loops(string code) =>
        CSharpSyntaxTree.ParseText(code, Script).GetRoot().DescendantNodes().Select(node => node switch
        {
            WhileStatementSyntax s => new Loop(s.Statement),
            DoStatementSyntax s => new Loop(s.Statement),
            ForStatementSyntax s => new Loop(s.Statement),
            CommonForEachStatementSyntax s => new Loop(s.Statement),
            _ => null,
        }).OfType<Loop>().ToList();
}
