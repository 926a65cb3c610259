using System.Globalization;
using System.Text.RegularExpressions;

namespace JupyterKernel.Tests;

/// <summary>
/// A code cell's outputs as a reader sees them: consecutive writes to one stream shown as one text (front ends merge
/// them; the runner stores them merged), each rich output as its mime type and content.
/// </summary>
public static partial class CellOutputs
{
    public static List<List<(string Kind, string Content)>> Of(JsonObject notebook) =>
        notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code" && (string?)c["metadata"]?["tags"]?[0] != "injected-parameters")
            .Select(c => Shown(c!["outputs"]!.AsArray()))
            .ToList();

    private static List<(string Kind, string Content)> Shown(JsonArray outputs)
    {
        var shown = new List<(string Kind, string Content)>();
        foreach (var output in outputs)
        {
            switch ((string?)output!["output_type"])
            {
                case "stream":
                    var kind = "stream " + (string?)output["name"];
                    var text = Text(output["text"]);
                    if (shown.Count > 0 && shown[^1].Kind == kind) shown[^1] = (kind, shown[^1].Content + text);
                    else shown.Add((kind, text));
                    break;
                case "error":
                    shown.Add(("error", (string?)output["ename"] + ": " + (string?)output["evalue"]));
                    break;
                default:
                    foreach (var (mime, value) in output["data"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                        shown.Add(($"{output["output_type"]} {mime}", Text(value)));
                    break;
            }
        }
        return shown;
    }

    // Plotly's HTML names its <div> with a fresh GUID on every run, in `run` as in the kernel.
    private static string Text(JsonNode? node) =>
        Guid().Replace(NotebookText.Of(node), "GUID");

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    /// <summary>Equal apart from numbers, which may differ by a relative 1e-4 (an absolute 1e-6 near zero).</summary>
    public static bool SameText(string expected, string actual)
    {
        if (expected == actual) return true;
        var expectedNumbers = Number().Matches(expected).Select(m => m.Value).ToList();
        var actualNumbers = Number().Matches(actual).Select(m => m.Value).ToList();
        if (Number().Replace(expected, "#") != Number().Replace(actual, "#") || expectedNumbers.Count != actualNumbers.Count) return false;
        return expectedNumbers.Zip(actualNumbers).All(pair =>
        {
            var a = double.Parse(pair.First, CultureInfo.InvariantCulture);
            var b = double.Parse(pair.Second, CultureInfo.InvariantCulture);
            return a.Equals(b) || Math.Abs(a - b) <= Math.Max(1e-6, 1e-4 * Math.Max(Math.Abs(a), Math.Abs(b)));
        });
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();
}
