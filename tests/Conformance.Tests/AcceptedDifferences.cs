using System.Text.RegularExpressions;

namespace Conformance.Tests;

/// <summary>
/// What Microsoft's kernel shows that the runner does not, accepted as it is, and nothing else:
/// 1. the package-install display of a `#r "nuget:"` cell ("Installing Packages" becoming "Installed Packages"),
///    which reports the restore rather than anything the notebook computes;
/// 2. the "Loading extensions from `.../interactive-extensions/...`" line a package's kernel extension prints
///    when it loads (SkiaSharp's, pulled in by ScottPlot): a path on the machine, not the notebook's output;
/// 3. how console text is split: the kernel sends one event per write, Jupyter and the runner merge a cell's
///    consecutive writes to one stream, so consecutive stream outputs are compared merged;
/// 4. GUIDs in HTML (XPlot.Plotly names each chart's element with a fresh one), compared as "any GUID".
/// No warning is accepted: the notebooks build tensors with `torch.from_array`, because `torch.tensor` makes
/// Microsoft's kernel print CS1701 (TorchSharp 0.107.0 references System.Runtime.Numerics 8.0.0.0 for its
/// Complex overloads, the kernel compiles against 10.0.0.0, and it has no NoWarn; see ConformanceCheckTests).
/// Numbers in text are compared with the stored-output test's stated tolerance (<see cref="NumericText"/>), everything else exactly.
/// </summary>
public static partial class AcceptedDifferences
{
    [GeneratedRegex("""^\s*#r\s+"nuget:""", RegexOptions.Multiline)]
    private static partial Regex NugetLine();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    public static IReadOnlyList<EngineOutput> KernelOutputsToCompare(EngineCell cell) =>
        MergeStreams(cell.Outputs.Where(o => o.Kind != "diagnostic" && !IsPackageInstallDisplay(cell, o) && !IsExtensionLoadedLine(o)));

    public static IReadOnlyList<EngineOutput> RunnerOutputsToCompare(EngineCell cell) => MergeStreams(cell.Outputs.Where(o => o.Kind != "diagnostic"));

    public static string WithoutGuids(string html) => Guid().Replace(html, "GUID");

    private static bool IsPackageInstallDisplay(EngineCell cell, EngineOutput output) =>
        NugetLine().IsMatch(cell.Source) && output.Kind == "display_data"
        && output.Data.Count == 1 && output.Data.TryGetValue("text/html", out var html)
        && (html.Contains("<strong>Installed Packages</strong>") || html.Contains("<strong>Installing Packages</strong>"));

    private static bool IsExtensionLoadedLine(EngineOutput output) =>
        output.Kind == "display_data" && output.Data.Count == 1 && output.Data.TryGetValue("text/plain", out var text)
        && text.StartsWith("Loading extensions from `", StringComparison.Ordinal) && text.Contains("/interactive-extensions/");

    private static List<EngineOutput> MergeStreams(IEnumerable<EngineOutput> outputs)
    {
        var merged = new List<EngineOutput>();
        foreach (var output in outputs)
        {
            if (output.Kind == "stream" && merged.Count > 0 && merged[^1] is { Kind: "stream" } last && last.Name == output.Name)
                merged[^1] = last with { Text = last.Text + output.Text };
            else
                merged.Add(output);
        }
        return merged;
    }
}
