using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Export;

/// <summary>
/// One code cell as app code, in place: Polyglot's lines become their file-based app equivalents (`#r "nuget:"` a
/// `#:package`, `#load` of a .csx a call of its Initialize()), the cell's result (a last expression without `;`)
/// goes through display(), using directives move to the top and types to the end. Whatever an app cannot
/// reproduce is a problem naming the cell, never a silently different app.
/// </summary>
public static partial class CodeCellTranslator
{
    [GeneratedRegex("""^\s*#load\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex LoadLine();

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex AssemblyReferenceLine();

    public static string Translate(NotebookCell cell, int number, string notebookDirectory, AppParts parts, Func<string, ConvertedScript?> loadScript)
    {
        var (kernel, why) = CellDirectives.KernelOf(cell);
        if (!kernel.Equals("csharp", StringComparison.OrdinalIgnoreCase) && !kernel.Equals("c#", StringComparison.OrdinalIgnoreCase))
        {
            parts.Problem(number, $"is a {kernel} cell ({why}); an app runs C# only: rewrite the cell in C# or remove it");
            return "";
        }
        var prepared = CellDirectives.Prepare(cell.Source);
        if (prepared.UnsupportedMagic is { } magic)
            parts.Problem(number, $"line {magic.Line}: the magic command {magic.Magic} has no app equivalent; remove the line");
        if (prepared.Timed)
            parts.Problem(number, "#!time prints the cell's wall time, which an app cannot show as the notebook does; remove the line");
        foreach (var source in prepared.Sources)
            parts.Problem(number, $"#i \"{source}\" adds a package source, which an app cannot; put the source in a nuget.config beside the app instead");
        foreach (var package in prepared.Packages)
        {
            if (package.Version is null)
                parts.Problem(number, $"#r \"nuget: {package.Id}\" has no version; an app needs one: write #r \"nuget: {package.Id}, VERSION\"");
            else
                parts.AddPackage(package.Id, package.Version);
        }

        // Line by line: lines Prepare took out stay as comments; #load and #r of a file are handled here.
        var original = cell.Source.Replace("\r\n", "\n").Split('\n');
        var lines = prepared.Code.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 && i < original.Length && original[i].Trim().Length > 0)
                lines[i] = "// " + original[i].Trim();
            else if (LoadLine().Match(lines[i]) is { Success: true } load)
                lines[i] = LoadedScriptCall(load.Groups["path"].Value, number, notebookDirectory, parts, loadScript) + "  // " + lines[i].Trim();
            else if (AssemblyReferenceLine().Match(lines[i]) is { Success: true } reference)
            {
                parts.Problem(number, $"#r \"{reference.Groups["path"].Value}\" references a local assembly, which an app cannot carry; use a NuGet package (#r \"nuget: ID, VERSION\")");
                lines[i] = "// " + lines[i].Trim();
            }
        }
        return TranslateCode(string.Join('\n', lines), number, parts);
    }

    private static string LoadedScriptCall(string path, int number, string notebookDirectory, AppParts parts, Func<string, ConvertedScript?> loadScript)
    {
        if (!path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase))
        {
            parts.Problem(number, $"#load \"{path}\" is not a .csx script; an app can include only scripts export converts");
            return "";
        }
        var full = Path.GetFullPath(Path.Combine(notebookDirectory, path));
        if (!File.Exists(full))
        {
            parts.Problem(number, $"#load \"{path}\": {full} not found; fix the path");
            return "";
        }
        var converted = loadScript(full);
        if (converted is null) return "";
        if (!parts.Scripts.Any(s => s.ScriptPath == full)) parts.Scripts.Add((full, converted));
        return $"{converted.ClassName}.{ScriptIncludeConverter.InitializeMethod}();";
    }

    private static string TranslateCode(string code, int number, AppParts parts)
    {
        var root = ScriptSyntax.Parse(code);
        if (ScriptSyntax.FirstError(root) is { } error)
        {
            parts.Problem(number, $"does not parse ({error}); fix the cell");
            return code;
        }
        var edits = new List<(TextSpanOf Span, string Text)>();
        foreach (var directive in root.Usings)
        {
            parts.AddUsing(directive.ToString());
            edits.Add((new(directive.Span.Start, directive.Span.End), $"// {directive} is at the top of this file: C# puts using directives first."));
        }
        foreach (var member in root.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                parts.Types.Add(member.ToFullString().Trim('\n'));
                var name = member is BaseTypeDeclarationSyntax t ? t.Identifier.Text : ((DelegateDeclarationSyntax)member).Identifier.Text;
                edits.Add((new(member.FullSpan.Start, member.FullSpan.End),
                    $"// {name} is declared at the end of this file: C# puts types after the top-level statements.\n"));
            }
            CheckNames(member, number, parts);
            if (member is GlobalStatementSyntax global) CollectNestedNames(global, number, parts);
        }
        // The cell's result: shown as the notebook shows it, except a call that returns nothing (Console.WriteLine(x)).
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } result })
            edits.Add((new(result.Span.Start, result.Span.End),
                result.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Console" } } }
                    ? result.Expression + ";" : $"display({result.Expression});"));
        CheckDisplays(root, number, parts);

        foreach (var (span, text) in edits.OrderByDescending(e => e.Span.Start))
            code = code[..span.Start] + text + code[span.End..];
        return code;
    }

    private readonly record struct TextSpanOf(int Start, int End);

    /// <summary>A name declared at the top level of two cells would be declared twice in one program.</summary>
    private static void CheckNames(MemberDeclarationSyntax member, int number, AppParts parts)
    {
        IEnumerable<SyntaxToken> declared = member switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier),
            MethodDeclarationSyntax method => [method.Identifier],
            GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } => [function.Identifier],
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables.Select(v => v.Identifier),
            GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax declaration } } } =>
                declaration.Designation.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier),
            _ => [],
        };
        foreach (var name in declared.Select(t => t.Text))
        {
            if (parts.TopLevelNames.TryGetValue(name, out var earlier) && earlier != number)
                parts.Problem(number, $"declares `{name}` again (cell {earlier} declared it); an app is one program: assign it without a type, or give it another name");
            else parts.TopLevelNames.TryAdd(name, number);
        }
    }

    /// <summary>Names a top-level statement declares in its blocks (not in lambdas or local functions, which may shadow).</summary>
    private static void CollectNestedNames(GlobalStatementSyntax global, int number, AppParts parts)
    {
        if (global.Statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax) return;
        var nodes = global.Statement.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
        foreach (var node in nodes)
        {
            var names = node switch
            {
                VariableDeclaratorSyntax declarator => [declarator.Identifier],
                SingleVariableDesignationSyntax designation when !IsTopLevelDeconstruction(global, designation) => [designation.Identifier],
                ForEachStatementSyntax loop => [loop.Identifier],
                CatchDeclarationSyntax { Identifier.Text.Length: > 0 } caught => [caught.Identifier],
                _ => Array.Empty<SyntaxToken>(),
            };
            foreach (var name in names) parts.NestedNames.Add((name.Text, number));
        }
    }

    private static bool IsTopLevelDeconstruction(GlobalStatementSyntax global, SyntaxNode designation) =>
        global.Statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax declaration } }
        && declaration.Contains(designation);

    /// <summary>display() whose result is used (to .Update() it) and .Display() print nothing an app can reproduce.</summary>
    private static void CheckDisplays(CompilationUnitSyntax root, int number, AppParts parts)
    {
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is IdentifierNameSyntax { Identifier.Text: "display" } && call.Parent is not ExpressionStatementSyntax)
                parts.Problem(number, "uses what display(...) returns (to update the output in place), which an app cannot; display the new value instead");
            if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Display" or "DisplayAs" } access)
                parts.Problem(number, $"calls .{access.Name.Identifier.Text}(), which shows nothing in an app; use display(value)");
        }
    }
}
