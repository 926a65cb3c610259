using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Export;

/// <summary>Roslyn's view of notebook and .csx code (script parsing), and the text edits export makes with it.</summary>
public static class ScriptSyntax
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static CompilationUnitSyntax Parse(string source) =>
        CSharpSyntaxTree.ParseText(source, Options).GetCompilationUnitRoot();

    /// <summary>The first syntax error as "line N: message", or null.</summary>
    public static string? FirstError(CompilationUnitSyntax root) =>
        root.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error
            ? $"line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: {error.GetMessage()}"
            : null;

    /// <summary>The node's text with its comments, the given words put before its first token.</summary>
    public static string WithPrefix(SyntaxNode node, string prefix)
    {
        var text = node.ToFullString();
        var at = node.SpanStart - node.FullSpan.Start;
        return text[..at] + prefix + text[at..];
    }

    /// <summary>Every line indented, unless a string literal spans lines (indenting would change its value).</summary>
    public static string Indented(SyntaxNode node, string text, string indent)
    {
        var multiLineString = node.DescendantTokens().Any(t =>
            (t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)
             || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
            && t.ToString().Contains('\n'));
        if (multiLineString) return text;
        return string.Join('\n', text.Split('\n').Select(line => line.Trim().Length == 0 ? line.Trim() : indent + line));
    }

    /// <summary>A C# type name made of a file name: `helpers` → `Helpers`, `my-utils` → `MyUtils`.</summary>
    public static string TypeName(string fileStem)
    {
        var name = string.Concat(fileStem.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length == 0 || char.IsDigit(name[0]) ? "Script" + name : name;
    }
}
