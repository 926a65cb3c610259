using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Execution;

namespace NotebookRunner.Jupyter;

/// <summary>
/// complete_request, inspect_request and is_complete_request, answered by Roslyn's semantic model of the code as
/// the next submission of the kernel's script state (so earlier cells' variables and `#r` packages are known).
/// </summary>
public static class CodeAssistance
{
    public static JsonObject Complete(ScriptState<object> state, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var (model, root) = Analyze(state, code);
        var symbols = start > 0 && code[start - 1] == '.'
            ? MembersBefore(model, root.FindToken(start - 1), start)
            : model.LookupSymbols(start);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct()
            .OrderBy(n => !n.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(n => n, StringComparer.Ordinal);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>The signature of the symbol at the cursor, then its doc comment's summary where its assembly has docs.</summary>
    public static JsonObject Inspect(ScriptState<object> state, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, root) = Analyze(state, code);
        var symbols = SymbolsAt(model, root, cursor).Take(8).Select(s => (Signature: Signature(s), Summary: Summary(s.GetDocumentationCommentXml()))).ToList();
        if (symbols.Count == 0)
            return new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = true,
            ["data"] = new JsonObject
            {
                ["text/plain"] = string.Join("\n\n", symbols.Select(s => s.Summary is null ? s.Signature : $"{s.Signature}\n{s.Summary}")),
                ["text/markdown"] = string.Join("\n\n", symbols.Select(s => $"```csharp\n{s.Signature}\n```" + (s.Summary is null ? "" : $"\n\n{s.Summary}"))),
            },
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>
    /// As ipykernel's do_is_complete: "complete" when Roslyn sees a whole submission, "invalid" when it is whole but
    /// has a syntax error no further line can fix, else "incomplete" (an open brace, a dangling operator) with the
    /// indent the next line takes.
    /// </summary>
    public static JsonObject IsComplete(string code)
    {
        var tree = SyntaxFactory.ParseSyntaxTree(Blanked(code), new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return new JsonObject { ["status"] = "incomplete", ["indent"] = NextIndent(code) };
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new JsonObject { ["status"] = "invalid" }
            : new JsonObject { ["status"] = "complete" };
    }

    /// <summary>The last non-blank line's indent, four spaces deeper after a line that opens a block (as IPython after a colon).</summary>
    public static string NextIndent(string code)
    {
        var last = code.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0) ?? "";
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.TrimEnd().EndsWith('{') ? indent + "    " : indent;
    }

    private static IEnumerable<ISymbol> MembersBefore(SemanticModel model, SyntaxToken dot, int position)
    {
        var expression = dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax name => name.Left,
            _ => null,
        };
        if (expression is null) return [];
        var symbol = model.GetSymbolInfo(expression).Symbol;
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns);
        if (symbol is ITypeSymbol staticType) return model.LookupStaticMembers(position, staticType);
        return model.GetTypeInfo(expression).Type is { } type
            ? model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
            : [];
    }

    private static IEnumerable<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode root, int cursor)
    {
        foreach (var position in new[] { cursor, cursor - 1 }.Where(p => p >= 0 && p < root.FullSpan.End))
        {
            var token = root.FindToken(position);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not { } node) continue;
            var info = model.GetSymbolInfo(node);
            if (info.Symbol is { } symbol) return [symbol];
            if (info.CandidateSymbols.Length > 0) return info.CandidateSymbols;
            if (model.GetDeclaredSymbol(node) is { } declared) return [declared];
        }
        return [];
    }

    private static string Signature(ISymbol symbol) =>
        symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol
            ? $"{symbol.ToDisplayString()}: {TypeOf(symbol)}"
            : symbol.ToDisplayString();

    private static string? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type.ToDisplayString(),
        IFieldSymbol field => field.Type.ToDisplayString(),
        IPropertySymbol property => property.Type.ToDisplayString(),
        _ => null,
    };

    /// <summary>The `summary` as one line of text: `see cref` as the name it points at, `see langword` and `paramref` as their word.</summary>
    private static string? Summary(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            if (XElement.Parse($"<doc>{xml}</doc>").Descendants("summary").FirstOrDefault() is not { } summary) return null;
            var text = string.Join(' ', Text(summary).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return text.Length == 0 ? null : text;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string Text(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see when see.IsEmpty =>
            see.Attribute("langword")?.Value ?? CrefName(see.Attribute("cref")?.Value) ?? see.Attribute("href")?.Value ?? "",
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
        XElement other => Text(other),
        _ => "",
    }));

    /// <summary>"M:System.Console.WriteLine(System.String)" as "Console.WriteLine", "T:System.String" as "String".</summary>
    private static string? CrefName(string? cref)
    {
        if (cref is null) return null;
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var parameters = name.IndexOf('(');
        if (parameters >= 0) name = name[..parameters];
        var parts = name.Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}";
    }

    private static (SemanticModel Model, SyntaxNode Root) Analyze(ScriptState<object> state, string code)
    {
        var blanked = Blanked(code);
        var compilation = state.Script.ContinueWith(blanked).GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.ToString() == blanked) ?? compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree.GetRoot());
    }

    /// <summary>The cell as the session compiles it, with Polyglot-only lines turned into spaces so positions stay the cell's own.</summary>
    private static string Blanked(string code)
    {
        var original = code.Split('\n');
        var prepared = CellDirectives.Prepare(code).Code.Split('\n');
        for (var i = 0; i < original.Length && i < prepared.Length; i++)
            if (prepared[i] != original[i].TrimEnd('\r') && prepared[i] != original[i]) original[i] = new string(' ', original[i].Length);
        return string.Join('\n', original);
    }
}
