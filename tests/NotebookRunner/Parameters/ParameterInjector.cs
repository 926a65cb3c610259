using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>
/// Papermill's parameterize step: convert each `-p` to its declared type and put an `injected-parameters` cell
/// right after the `parameters` cell, replacing an earlier injected cell.
/// </summary>
public static class ParameterInjector
{
    public const string InjectedTag = "injected-parameters";

    /// <summary>Checks and converts the values; throws <see cref="ParameterException"/> naming the valid parameters.</summary>
    public static IReadOnlyList<(string Name, object Value)> Convert(
        string notebookPath, NotebookDocument notebook, IReadOnlyList<(string Name, string Value)> requested) =>
        ParameterRequests.Convert(notebookPath, ParameterCellParser.Parse(notebook), requested);

    public static void Inject(NotebookDocument notebook, IReadOnlyList<(string Name, object Value)> parameters)
    {
        if (parameters.Count == 0) return;
        // A `const` parameter gets a const of its declared type, so `case k:` and other constant uses still compile.
        var constTypes = ParameterCellParser.Parse(notebook).Where(d => d.IsConst).ToDictionary(d => d.Name, d => d.Type);
        var source = CSharpParameterTranslator.Codify(parameters.Select(p =>
            (p.Name, CSharpParameterTranslator.Literal(p.Value), constTypes.GetValueOrDefault(p.Name))));
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["metadata"] = new JsonObject
            {
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                ["tags"] = new JsonArray(InjectedTag),
            },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookCell.SplitLines(source),
        };

        var cells = notebook.CellsArray;
        var injectedIndex = IndexOf(cells, c => c.HasTag(InjectedTag));
        if (injectedIndex >= 0)
        {
            cells.RemoveAt(injectedIndex);
            cells.Insert(injectedIndex, cell);
            return;
        }
        var parametersIndex = IndexOf(cells, c => c.IsCode && c.HasTag(ParameterCellParser.ParametersTag));
        cells.Insert(parametersIndex + 1, cell); // no parameters cell: at the top, as papermill does
    }

    public static string Describe(IReadOnlyList<ParameterDeclaration> declared) => ParameterRequests.Describe(declared);

    private static int IndexOf(JsonArray cells, Func<NotebookCell, bool> predicate)
    {
        for (var i = 0; i < cells.Count; i++)
            if (predicate(new NotebookCell((JsonObject)cells[i]!))) return i;
        return -1;
    }
}
