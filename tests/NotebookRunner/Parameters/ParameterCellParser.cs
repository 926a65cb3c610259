using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>Reads the declarations of the cell tagged `parameters` with Roslyn's parser.</summary>
public static class ParameterCellParser
{
    public const string ParametersTag = "parameters";

    /// <summary>The type of a `var` whose default is not a literal (or an array of literals).</summary>
    public const string UnknownType = ParameterRequests.UnknownType;

    public static NotebookCell? FindParametersCell(NotebookDocument notebook) =>
        notebook.Cells.FirstOrDefault(c => c.IsCode && c.HasTag(ParametersTag));

    public static IReadOnlyList<ParameterDeclaration> Parse(NotebookDocument notebook) =>
        FindParametersCell(notebook) is { } cell ? Parse(cell.Source) : [];

    public static IReadOnlyList<ParameterDeclaration> Parse(string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script);
        var root = CSharpSyntaxTree.ParseText(source, options).GetCompilationUnitRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            // In a script a top-level `var x = 1;` parses as a field; inside a global statement as a local.
            var (declaration, modifiers) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                _ => (null, default),
            };
            var isConst = modifiers.Any(SyntaxKind.ConstKeyword);
            if (declaration is null) continue;
            foreach (var variable in declaration.Variables)
            {
                if (variable.Initializer is null) continue;
                var value = variable.Initializer.Value;
                var type = declaration.Type.IsVar ? InferType(value) : declaration.Type.ToString();
                declarations.Add(new ParameterDeclaration(variable.Identifier.Text, type, value.ToString(), isConst));
            }
        }
        // The last declaration of a name wins, as in the script itself.
        return declarations.GroupBy(d => d.Name).Select(g => g.Last()).ToList();
    }

    private static string InferType(ExpressionSyntax value)
    {
        if (value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary)
            value = unary.Operand;
        if (value is ParenthesizedExpressionSyntax parenthesized)
            return InferType(parenthesized.Expression);
        return value switch
        {
            ArrayCreationExpressionSyntax array => array.Type.ToString(),
            ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: [var first, ..] } => InferType(first) is var element && element != UnknownType ? element + "[]" : UnknownType,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => "bool",
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => "string",
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) =>
                literal.Token.Value is { } number ? ParameterTypes.KeywordOf(number.GetType()) ?? UnknownType : UnknownType,
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.CharacterLiteralExpression) => "char",
            _ => UnknownType,
        };
    }
}
