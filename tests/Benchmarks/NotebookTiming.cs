using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Benchmarks;

/// <summary>One headless run of a notebook by the runner: the training cell's time, the notebook's, the process's.</summary>
public sealed record NotebookTiming(int Steps, double TrainingSeconds, double NotebookSeconds, double CellsSeconds, double ProcessSeconds)
{
    public double StepsPerSecond => Steps / TrainingSeconds;

    /// <summary>Runner overhead: time between cells inside the notebook plus process start-up and write-out.</summary>
    public double OverheadSeconds => NotebookSeconds - CellsSeconds + (ProcessSeconds - NotebookSeconds);

    public static NotebookTiming Run(string repoRoot, string runnerDll, string notebook, string outDir)
    {
        var output = Path.Combine(outDir, Path.GetFileName(notebook));
        var start = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { runnerDll, "run", notebook, "-o", output }) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var processSeconds = start.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{notebook}: runner exit code {process.ExitCode}\n{stdout.Result}{stderr.Result}");

        var nb = JsonNode.Parse(File.ReadAllText(output))!;
        var cells = nb["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        double Duration(JsonNode? cell) => (double?)cell?["metadata"]?["papermill"]?["duration"] ?? 0;
        var training = cells.SingleOrDefault(c => Tags(c!).Contains("training"))
            ?? throw new InvalidOperationException($"{notebook}: no code cell tagged 'training' -- tag the loop cell");
        var parameters = cells.SingleOrDefault(c => Tags(c!).Contains("parameters"))
            ?? throw new InvalidOperationException($"{notebook}: no code cell tagged 'parameters'");
        return new NotebookTiming(StepsOf(Path.GetFileName(notebook), Source(parameters!)), Duration(training),
            (double)nb["metadata"]!["papermill"]!["duration"]!, cells.Sum(Duration), processSeconds);
    }

    static string[] Tags(JsonNode cell) =>
        cell["metadata"]?["tags"]?.AsArray().Select(t => (string)t!).ToArray() ?? [];

    static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        var s => (string)s!,
    };

    /// <summary>Steps the training loop makes with the notebook's default parameters (04 counts minibatches of its 1000 examples).</summary>
    static int StepsOf(string notebook, string parametersSource)
    {
        int Int(string name) => int.Parse(Regex.Match(parametersSource, $@"\b{name}\s*=\s*(\d+)").Groups[1].Value);
        return notebook[..2] switch
        {
            "03" => Int("numEpochs"),
            "04" => Int("numEpochs") * (int)Math.Ceiling(1000.0 / Int("batchSize")),
            _ => Int("epochs"),
        };
    }
}
