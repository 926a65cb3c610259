using System.Globalization;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// What a learner does in an exercise that changes the learning rate: run the notebook, set `lr` to another value,
/// then rerun from the first `training` cell down. Against it, a fresh run with that `lr` in the `parameters` cell.
/// Both for every notebook of the series, with lr halved (a rate at which every notebook still converges), in one
/// runner process; the notebooks sit in a scratch copy of the repository so their relative paths still resolve.
public sealed partial class LearningRateRerun : IDisposable
{
    private readonly ScratchFolder _scratch = ScratchFolder.LikeRepository("lr-rerun", ["notebooks", "helpers", "data"]);
    private readonly string _executed;

    [GeneratedRegex(@"var lr = (?<value>[0-9.eE+-]+);")]
    private static partial Regex LrDeclaration();

    public LearningRateRerun()
    {
        var root = _scratch.Root;
        var derived = Path.Combine(root, "derived");   // beside notebooks/, so `../helpers/helpers.csx` resolves
        Directory.CreateDirectory(derived);
        foreach (var stem in SeriesRun.Stems)
        {
            var path = Path.Combine(root, "notebooks", stem + ".ipynb");
            if (!File.Exists(path)) continue;
            var notebook = StoredOutputs.Read(path);
            var parameters = notebook["cells"]!.AsArray().First(c => HasTag(c!, "parameters"))!;
            var lr = double.Parse(LrDeclaration().Match(RunnerProcess.CellSource(parameters)).Groups["value"].Value, CultureInfo.InvariantCulture);
            var halved = (lr / 2).ToString("R", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(derived, stem + "-rerun.ipynb"), RerunWithLr(notebook, halved).ToJsonString());
            File.WriteAllText(Path.Combine(derived, stem + "-fresh.ipynb"), FreshWithLr(notebook, halved).ToJsonString());
        }
        _executed = Path.Combine(root, "executed");
        Result = RunnerProcess.Run(["run", derived, "-o", _executed, "--timeout", "600"], Path.Combine(root, "report.json"));
    }

    public RunnerResult Result { get; }

    private static bool HasTag(JsonNode cell, string tag) =>
        cell["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == tag) == true;

    /// The notebook, then a cell `lr = NEW;`, then copies of the cells from the first `training` cell to the end.
    private static JsonObject RerunWithLr(JsonObject notebook, string lr)
    {
        var rerun = notebook.DeepClone().AsObject();
        var cells = rerun["cells"]!.AsArray();
        var original = cells.Select(c => c!).ToList();
        var first = original.FindIndex(c => HasTag(c, "training"));
        var setLr = FixtureNotebook.Json([$"lr = {lr};"])["cells"]![0]!.DeepClone();
        cells.Add(setLr);
        foreach (var cell in original.Skip(first))
        {
            var again = cell.DeepClone().AsObject();
            if (again["id"] is JsonValue id) again["id"] = (string)id! + "-again";
            cells.Add(again);
        }
        return rerun;
    }

    private static JsonObject FreshWithLr(JsonObject notebook, string lr)
    {
        var fresh = notebook.DeepClone().AsObject();
        var parameters = fresh["cells"]!.AsArray().First(c => HasTag(c!, "parameters"))!;
        parameters["source"] = LrDeclaration().Replace(RunnerProcess.CellSource(parameters), $"var lr = {lr};");
        return fresh;
    }

    /// The text outputs of the code cells from the first `training` cell down in the fresh run, and of their copies
    /// (the last cells) in the rerun.
    public (IReadOnlyList<string> Fresh, IReadOnlyList<string> Rerun) TrainingSectionOutputs(string stem)
    {
        var fresh = CodeCells(stem + "-fresh");
        var section = fresh.Skip(fresh.FindIndex(c => HasTag(c, "training"))).Select(RunnerProcess.OutputText).ToList();
        var rerun = CodeCells(stem + "-rerun");
        return (section, rerun.Skip(rerun.Count - section.Count).Select(RunnerProcess.OutputText).ToList());
    }

    private List<JsonNode> CodeCells(string name) =>
        StoredOutputs.Read(Path.Combine(_executed, name + ".ipynb"))["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code").Select(c => c!).ToList();

    public void Dispose() => _scratch.Dispose();
}

public class TrainingRerunTests(LearningRateRerun run) : IClassFixture<LearningRateRerun>
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    [Theory, MemberData(nameof(Notebooks))]
    public void rerunning_the_training_section_after_changing_lr_gives_what_a_fresh_run_with_that_lr_gives(string stem)
    {
        foreach (var name in new[] { stem + "-rerun", stem + "-fresh" })
        {
            var report = run.Result.NotebookReport(name);
            Assert.True(report != null, $"{name} was not run: {run.Result.Stderr}");
            Assert.True((string?)report!["status"] == "ok", $"{name}: {report["error"]?.ToJsonString()}");
        }
        var (fresh, rerun) = run.TrainingSectionOutputs(stem);
        for (var i = 0; i < fresh.Count; i++)
        {
            var difference = NumericText.Difference(fresh[i], rerun[i]);
            Assert.True(difference is null,
                $"{stem}, code cell {i + 1} of the training section: {difference}; fresh run with that lr\n{fresh[i]}\n rerun after changing lr\n{rerun[i]}");
        }
    }
}
