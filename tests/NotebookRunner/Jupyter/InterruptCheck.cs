using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Jupyter;

/// <summary>
/// .NET cannot stop a thread from outside, so the kernel's cells stop themselves: every loop body of a cell starts
/// with a check that throws once the front end has interrupted. The check goes on the line of the body's `{`, so
/// the cell's line numbers (and the columns of its other lines) stay its own.
/// </summary>
public static class InterruptCheck
{
    private static volatile bool _requested;

    public static void Request() => _requested = true;

    public static void Reset() => _requested = false;

    /// <summary>Called from the loops of kernel cells.</summary>
    public static void ThrowIfRequested()
    {
        if (_requested) throw new OperationCanceledException("the cell was interrupted");
    }

    public static string Instrument(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        return new LoopRewriter().Visit(tree.GetRoot()).ToFullString();
    }

    private sealed class LoopRewriter : CSharpSyntaxRewriter
    {
        private static readonly StatementSyntax Check =
            SyntaxFactory.ParseStatement("global::NotebookRunner.Jupyter.InterruptCheck.ThrowIfRequested();").WithoutTrivia();

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
