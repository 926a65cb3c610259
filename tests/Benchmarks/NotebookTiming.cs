using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Benchmarks;

/// <summary>
/// One headless run of a notebook by the runner, from its --report: the training cell's own run time, the seconds
/// the runner spent compiling and formatting cells, the notebook's and the process's wall time.
/// </summary>
public sealed record NotebookTiming(int Steps, double TrainingSeconds, double CompileSeconds, double FormatSeconds,
    double CellsRunSeconds, double NotebookSeconds, double ProcessSeconds)
{
    public double StepsPerSecond => Steps / TrainingSeconds;

    /// <summary>Everything but the cells' own code: compile, format, restore and native load, process start, reading and writing.</summary>
    public double OverheadSeconds => ProcessSeconds - CellsRunSeconds;

    public static NotebookTiming Run(string repoRoot, string runnerDll, string notebook, string outDir)
    {
        var output = Path.Combine(outDir, Path.GetFileName(notebook));
        var report = Path.ChangeExtension(output, ".report.json");
        var processSeconds = Runner.Run(repoRoot, runnerDll, "run", notebook, "-o", output, "--report", report);

        var nb = JsonNode.Parse(File.ReadAllText(output))!;
        var cells = nb["cells"]!.AsArray();
        int NumberOfTagged(string tag)
        {
            for (var i = 0; i < cells.Count; i++)
                if ((string)cells[i]!["cell_type"] == "code" && Tags(cells[i]!).Contains(tag)) return i + 1;
            throw new InvalidOperationException($"{notebook}: no code cell tagged '{tag}' -- tag the loop cell and the parameters cell");
        }
        var training = NumberOfTagged("training");
        var parameters = cells[NumberOfTagged("parameters") - 1]!;

        var timings = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!;
        var reported = timings["cells"]!.AsArray().ToDictionary(c => (int)c!["index"]!, c => c!);
        double Sum(string key) => reported.Values.Sum(c => (double)c[key]!);
        return new NotebookTiming(StepsOf(Path.GetFileName(notebook), Source(parameters)), (double)reported[training]["run_seconds"]!,
            Sum("compile_seconds"), Sum("format_seconds"), Sum("run_seconds"), (double)timings["duration"]!, processSeconds);
    }

    static string[] Tags(JsonNode cell) =>
        cell["metadata"]?["tags"]?.AsArray().Select(t => (string)t!).ToArray() ?? [];

    static string Source(JsonNode cell) => NotebookText.Of(cell["source"]);

    /// <summary>Steps the training loop makes with the notebook's default parameters (03 counts minibatches of its 1000 examples).</summary>
    static int StepsOf(string notebook, string parametersSource)
    {
        int Int(string name) => int.Parse(Regex.Match(parametersSource, $@"\b{name}\s*=\s*(\d+)").Groups[1].Value);
        return notebook[..2] switch
        {
            "03" => Int("epochs") * (int)Math.Ceiling(1000.0 / Int("batchSize")),
            _ => Int("epochs"),
        };
    }
}
