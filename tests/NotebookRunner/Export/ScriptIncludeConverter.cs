using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Export;

/// <summary>A `#load`ed script made into a file an app can `#:include`: its class name and its text.</summary>
public sealed record ConvertedScript(string ClassName, string FileName, string Text);

/// <summary>
/// Turns a .csx that notebooks `#load` (helpers/helpers.csx) into a .cs an app can `#:include`, mechanically, so the
/// script stays the one source: an included file may not have top-level statements (CS8802), so its functions
/// become static methods of a static class named after the file, its top-level statements (Formatter.Register, …)
/// the body of that class's Initialize(), which the app calls where the notebook ran `#load`; its types stay as
/// they are. Apps reach the functions with `using static`.
/// </summary>
public static class ScriptIncludeConverter
{
    public const string InitializeMethod = "Initialize";

    public static ConvertedScript Convert(string scriptPath, string shownPath, string header, List<ExportProblem> problems)
    {
        var root = ScriptSyntax.Parse(File.ReadAllText(scriptPath));
        var className = ScriptSyntax.TypeName(Path.GetFileNameWithoutExtension(scriptPath));
        if (ScriptSyntax.FirstError(root) is { } error)
            problems.Add(new ExportProblem(shownPath, null, $"does not parse ({error}); fix the script"));
        if (root.GetReferenceDirectives().Any() || root.GetLoadDirectives().Any())
            problems.Add(new ExportProblem(shownPath, null, "has #r or #load lines, which an included file cannot have; put them in the notebook"));

        var statements = new List<string>();
        var methods = new List<string>();
        var types = new List<string>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case GlobalStatementSyntax statement:
                    statements.Add(ScriptSyntax.Indented(statement, statement.ToFullString().TrimEnd('\n'), "        "));
                    break;
                case MethodDeclarationSyntax method:
                    methods.Add(ScriptSyntax.Indented(method, ScriptSyntax.WithPrefix(method, StaticPrefix(method.Modifiers)).TrimEnd('\n'), "    "));
                    break;
                case FieldDeclarationSyntax field when !field.Declaration.Type.IsVar:
                    methods.Add(ScriptSyntax.Indented(field, ScriptSyntax.WithPrefix(field, StaticPrefix(field.Modifiers)).TrimEnd('\n'), "    "));
                    break;
                case FieldDeclarationSyntax field:
                    problems.Add(new ExportProblem(shownPath, null,
                        $"line {field.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: a top-level `var` variable cannot become a field; write its type instead of var"));
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Add(member.ToFullString().TrimEnd('\n'));
                    break;
                default:
                    problems.Add(new ExportProblem(shownPath, null,
                        $"line {member.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: a {member.Kind()} has no place in an included file; move it into the notebook"));
                    break;
            }
        }

        var text = new List<string> { header };
        text.AddRange(root.Usings.Select(u => u.ToFullString().TrimEnd('\n')));
        text.Add($"using static {className};");
        text.Add("");
        text.Add($"/// <summary>The functions of {Path.GetFileName(scriptPath)} as static methods; its top-level statements run in {InitializeMethod}().</summary>");
        text.Add($"public static class {className}");
        text.Add("{");
        text.Add($"    /// <summary>The script's top-level statements, in order: the app calls this where the notebook has `#load`.</summary>");
        text.Add($"    public static void {InitializeMethod}()");
        text.Add("    {");
        text.AddRange(statements.Select((s, i) => i == 0 ? s.TrimStart('\n') : s));
        text.Add("    }");
        foreach (var method in methods) text.Add(method);
        text.Add("}");
        foreach (var type in types) text.Add(type);
        return new ConvertedScript(className, Path.GetFileNameWithoutExtension(scriptPath) + ".cs", string.Join('\n', text) + "\n");
    }

    private static string StaticPrefix(Microsoft.CodeAnalysis.SyntaxTokenList modifiers)
    {
        var hasAccess = modifiers.Any(m => m.Text is "public" or "internal" or "private" or "protected");
        var isStatic = modifiers.Any(m => m.Text is "static" or "const");
        return (hasAccess ? "" : "public ") + (isStatic ? "" : "static ");
    }
}
