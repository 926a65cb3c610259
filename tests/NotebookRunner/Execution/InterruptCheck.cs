using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Execution;

/// <summary>
/// .NET cannot stop a thread from outside, so cells stop themselves: every loop body of a cell starts with a check
/// that throws once the cell's run is stopped (a kernel interrupt, `run`'s timeout). The check goes on the line of
/// the body's `{`, so the cell's line numbers (and the columns of its other lines) stay its own.
/// Cell code can reach only static members, so the check finds its cell's stop token in an AsyncLocal that the cell
/// thread sets (<see cref="Enter"/>); threads and tasks the cell starts inherit it.
/// </summary>
public static partial class InterruptCheck
{
    private static readonly AsyncLocal<CancellationToken> CellStop = new();
    // Until some cell's stop was requested in this process, a check is one volatile read.
    private static volatile bool _anyStopRequested;

    /// <summary>Makes <paramref name="stop"/> the token the checks of code run on this thread (and what it starts) obey.</summary>
    public static void Enter(CancellationToken stop)
    {
        CellStop.Value = stop;
        stop.Register(static () => _anyStopRequested = true);
    }

    /// <summary>Called from the loops of cells.</summary>
    public static void ThrowIfRequested()
    {
        if (_anyStopRequested && CellStop.Value.IsCancellationRequested)
            throw new OperationCanceledException("the cell was interrupted");
    }

    public static string Instrument(string code)
    {
        // Code without a loop keyword has no loop to check: it compiles as it is, without a parse of its own here.
        if (!LoopKeyword().IsMatch(code)) return code;
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        return new LoopRewriter().Visit(tree.GetRoot()).ToFullString();
    }

    [GeneratedRegex(@"\b(for|foreach|while|do)\b")]
    private static partial Regex LoopKeyword();

    private sealed class LoopRewriter : CSharpSyntaxRewriter
    {
        private static readonly StatementSyntax Check =
            SyntaxFactory.ParseStatement("global::NotebookRunner.Execution.InterruptCheck.ThrowIfRequested();").WithoutTrivia();

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
        {
            var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
        {
            var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
        {
            var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        private static BlockSyntax Checked(StatementSyntax body)
        {
            if (body is BlockSyntax block)
            {
                // `{` keeps its leading trivia; the check takes the brace's trailing trivia (usually the newline).
                var brace = block.OpenBraceToken;
                return block.WithOpenBraceToken(brace.WithTrailingTrivia())
                    .WithStatements(block.Statements.Insert(0, Check.WithTrailingTrivia(brace.TrailingTrivia)));
            }
            return SyntaxFactory.Block(Check, body.WithoutTrivia())
                .WithLeadingTrivia(body.GetLeadingTrivia())
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia()));
        }
    }
}
