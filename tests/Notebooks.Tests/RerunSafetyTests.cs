namespace Notebooks.Tests;

/// Every notebook of the series run with each code cell executed twice in a row (cell k, cell k again, then k+1),
/// as a learner does who reruns cells in an editor; one runner process for the whole doubled series.
public sealed class DoubledCellsRun : IDisposable
{
    private readonly ScratchFolder _scratch = ScratchFolder.LikeRepository("doubled-cells", ["notebooks", "helpers", "data"]);

    public RunnerResult Result { get; }
    public string OutputDir { get; }

    public DoubledCellsRun()
    {
        var root = _scratch.Root;
        var notebooks = Path.Combine(root, "notebooks");
        foreach (var stem in SeriesRun.Stems.Where(s => File.Exists(Path.Combine(notebooks, s + ".ipynb"))))
        {
            var path = Path.Combine(notebooks, stem + ".ipynb");
            File.WriteAllText(path, EveryCodeCellTwice(JsonNode.Parse(File.ReadAllText(path))!.AsObject()).ToJsonString());
        }
        OutputDir = Path.Combine(root, "executed");
        Result = RunnerProcess.Run(["run", notebooks, "-o", OutputDir, "--timeout", "600"], Path.Combine(root, "report.json"));
    }

    /// The copy keeps the cell's source and tags (so a training cell stays tagged `training`), except that only the
    /// first copy stays the `parameters` cell.
    private static JsonObject EveryCodeCellTwice(JsonObject notebook)
    {
        var doubled = new JsonArray();
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.DeepClone().AsObject()))
        {
            doubled.Add(cell);
            if ((string?)cell["cell_type"] != "code") continue;
            var again = cell.DeepClone().AsObject();
            if (again["id"] is JsonValue id) again["id"] = (string)id! + "-again";
            if (again["metadata"]?["tags"] is JsonArray tags)
                again["metadata"]!["tags"] = new JsonArray(tags.Where(t => (string?)t != "parameters").Select(t => t!.DeepClone()).ToArray());
            doubled.Add(again);
        }
        notebook["cells"] = doubled;
        return notebook;
    }

    public IReadOnlyList<string> TrainingCellOutputs(string stem)
    {
        var path = Path.Combine(OutputDir, stem + ".ipynb");
        if (!File.Exists(path)) return [];
        return JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Where(c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "training") == true)
            .Select(c => RunnerProcess.OutputText(c!))
            .ToList();
    }

    public void Dispose() => _scratch.Dispose();
}

[Collection("series")]
public class RerunSafetyTests(DoubledCellsRun run, SeriesRun normal) : IClassFixture<DoubledCellsRun>
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    // A rerun data cell redraws the data, which moves the loss floor a little; a frozen loop stays at its starting
    // loss (orders of magnitude above the floor) and a diverging one ends at NaN or far above it.
    private const double FinalLossTolerance = 2.0;

    [Theory, MemberData(nameof(Notebooks))]
    public void running_every_cell_twice_in_a_row_fails_no_cell(string stem)
    {
        var report = run.Result.NotebookReport(stem);
        Assert.True(report != null, $"{stem} was not run: {run.Result.Stderr}");
        Assert.True((string?)report!["status"] == "ok", $"{stem} with every cell run twice: {report["error"]?.ToJsonString()}");
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void every_training_loop_still_lowers_its_loss_when_every_cell_runs_twice(string stem)
    {
        var normalOutputs = normal.ExecutedNotebook(stem)["cells"]!.AsArray()
            .Where(c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "training") == true)
            .Select(c => TrainingLog.Losses(RunnerProcess.OutputText(c!))).ToList();
        var outputs = run.TrainingCellOutputs(stem);
        Assert.True(normalOutputs.Count > 0 && outputs.Count == 2 * normalOutputs.Count,
            $"{stem}: {normalOutputs.Count} `training` cells in a normal run, {outputs.Count} executions with every cell run twice");
        for (var i = 0; i < outputs.Count; i++)
        {
            var losses = TrainingLog.Losses(outputs[i]);
            var normalFinal = normalOutputs[i / 2][^1];
            var where = $"{stem}, training cell {i / 2 + 1}, execution {i % 2 + 1}";
            Assert.True(losses.Length >= 2, $"{where}: fewer than two printed losses in\n{outputs[i]}");
            Assert.True(losses.All(double.IsFinite), $"{where}: a loss is not finite: {string.Join(", ", losses)}");
            // The first execution trains from fresh parameters and must lower the loss. The second must at least not
            // raise it: it lowers it again where the cell restarts from the initial parameters (what
            // TrainingRerunTests requires), and a cell that went on from trained ones would keep it about level.
            Assert.True(i % 2 == 0 ? losses[^1] < losses[0] : losses[^1] <= losses[0],
                $"{where}: the loss did not fall: {string.Join(", ", losses)}");
            Assert.True(losses[^1] <= FinalLossTolerance * normalFinal,
                $"{where}: final loss {losses[^1]} against {normalFinal} in a normal run (tolerance: a factor {FinalLossTolerance})");
        }
    }
}
