using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Notebooks.Tests;

/// As d2l's #@save: a function first taught in a notebook is marked //@save there and kept identical in helpers.csx;
/// everywhere else the notebooks use helpers.csx's copy instead of declaring their own.
public class SaveCellTests
{
    private const string SaveMark = "//@save";

    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    /// Every //@save cell of the series, by notebook and the function it declares.
    public static TheoryData<string, string> SaveCells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var stem in SeriesRun.Stems)
            foreach (var source in CodeCells(stem).Where(IsSaveCell))
                cells.Add(stem, string.Join(", ", TopLevelFunctions(source)));
        return cells;
    }

    [Theory, MemberData(nameof(SaveCells))]
    public void every_save_cell_declares_one_function_and_stands_verbatim_in_helpers_csx(string stem, string function)
    {
        var source = CodeCells(stem).Single(s => IsSaveCell(s) && string.Join(", ", TopLevelFunctions(s)) == function);
        var body = Normalize(string.Join('\n', source.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith(SaveMark)).Skip(1)));

        Assert.Single(TopLevelFunctions(source));
        Assert.Contains(function, TopLevelFunctions(Helpers));
        Assert.True(Normalize(Helpers).Contains(body),
            $"{stem}: the //@save cell declaring {function} differs from helpers/helpers.csx; copy the cell there");
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void no_cell_but_a_save_cell_declares_a_function_that_helpers_csx_provides(string stem)
    {
        var provided = TopLevelFunctions(Helpers).ToHashSet();
        Assert.NotEmpty(provided);
        var redeclared = CodeCells(stem).Where(s => !IsSaveCell(s))
            .SelectMany(TopLevelFunctions).Where(provided.Contains).ToList();

        Assert.True(redeclared.Count == 0,
            $"{stem} declares {string.Join(", ", redeclared)}, which helpers/helpers.csx provides; use that, or mark the cell that teaches it {SaveMark}");
    }

    private static readonly string Helpers = File.ReadAllText(Repository.Path("helpers", "helpers.csx"));

    private static IEnumerable<string> CodeCells(string stem) =>
        JsonNode.Parse(File.ReadAllText(Repository.Path("notebooks", stem + ".ipynb")))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code").Select(c => RunnerProcess.CellSource(c!));

    private static bool IsSaveCell(string source) => source.TrimStart().StartsWith(SaveMark, StringComparison.Ordinal);

    /// The functions a script declares at its top level (not those inside classes or other functions).
    private static IEnumerable<string> TopLevelFunctions(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script))
            .GetCompilationUnitRoot();
        return root.Members.Select(member => member switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax local } => local.Identifier.Text,
            _ => null,
        }).OfType<string>();
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}
