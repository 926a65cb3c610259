using System.Globalization;

namespace Notebooks.Tests;

/// A learner who runs a notebook, changes `lr` and reruns the training section (the `training` cell and every code
/// cell after it), next to a fresh run of the same notebook with that `lr`.
public sealed class RerunWithNewLearningRate
{
    // The notebooks whose training cell restarts from their initial parameters with a fresh optimizer.
    public static readonly string[] Stems = ["04-nn-module", "05-make-regression"];

    // Stable for both notebooks (04 diverges above 2 / 71.9 ≈ 0.028) and different from both defaults.
    public const double NewLr = 0.005;

    public RunnerResult Rerun { get; }
    public RunnerResult Fresh { get; }

    public RerunWithNewLearningRate()
    {
        var repoRoot = new SeriesRunPaths().RepoRoot;
        var root = RunnerProcess.ScratchSeries(repoRoot, "rerun-new-lr");
        var notebooks = Stems.Select(s => Path.Combine(root, "notebooks", s + ".ipynb")).ToList();
        var lr = NewLr.ToString(CultureInfo.InvariantCulture);
        Fresh = RunnerProcess.Run(["run", .. notebooks, "-p", "lr", lr, "-o", Path.Combine(root, "fresh"), "--timeout", "600"],
            Path.Combine(root, "fresh.json"));
        foreach (var path in notebooks)
            File.WriteAllText(path, WithTrainingSectionRerun(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), lr).ToJsonString());
        Rerun = RunnerProcess.Run(["run", .. notebooks, "-o", Path.Combine(root, "rerun"), "--timeout", "600"],
            Path.Combine(root, "rerun.json"));
    }

    /// The notebook as it is, then a cell `lr = <lr>;`, then a copy of every code cell from the `training` cell on.
    private static JsonObject WithTrainingSectionRerun(JsonObject notebook, string lr)
    {
        var cells = notebook["cells"]!.AsArray();
        var code = cells.Where(c => (string?)c!["cell_type"] == "code").ToList();
        var training = code.FindIndex(c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "training") == true);
        if (training < 0) throw new InvalidOperationException("no cell tagged `training`");
        cells.Add(new JsonObject
        {
            ["cell_type"] = "code", ["id"] = "set-new-lr", ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(), ["source"] = $"lr = {lr};",
        });
        foreach (var cell in code.Skip(training).Select(c => c!.DeepClone().AsObject()))
        {
            cell["id"] = (string?)cell["id"] + "-rerun";
            cell["outputs"] = new JsonArray();
            cells.Add(cell);
        }
        return notebook;
    }
}

public class RerunAfterParameterChangeTests(RerunWithNewLearningRate run) : IClassFixture<RerunWithNewLearningRate>
{
    public static TheoryData<string> Notebooks => new(RerunWithNewLearningRate.Stems);

    [Theory, MemberData(nameof(Notebooks))]
    public void rerunning_the_training_section_after_changing_lr_equals_a_fresh_run_with_that_lr(string stem)
    {
        var fresh = run.Fresh.NotebookReport(stem);
        var rerun = run.Rerun.NotebookReport(stem);
        Assert.True((string?)fresh?["status"] == "ok", $"{stem} with -p lr {RerunWithNewLearningRate.NewLr}: {fresh?["error"]?.ToJsonString() ?? run.Fresh.Stderr}");
        Assert.True((string?)rerun?["status"] == "ok", $"{stem} with its training section rerun: {rerun?["error"]?.ToJsonString() ?? run.Rerun.Stderr}");
        Assert.Equal(RerunWithNewLearningRate.NewLr, Values.Flat(rerun!["variables"]?["lr"]).Single());

        // Every epoch's loss and the trained parameters; float32 training repeated on the same CPU gives the same
        // numbers, and 1e-6 relative leaves room for nothing else than rounding.
        var keys = fresh!["variables"]!.AsObject().Select(v => v.Key).Where(k => k == "losses" || k.StartsWith("model.")).ToList();
        Assert.Contains("losses", keys);
        Assert.True(keys.Count >= 3, $"{stem}: expected the losses and the model's parameters in the report, got {string.Join(", ", keys)}");
        foreach (var key in keys)
        {
            var expected = Values.Flat(fresh["variables"]![key]);
            var actual = Values.Flat(rerun["variables"]?[key]);
            Assert.Equal(expected.Length, actual.Length);
            var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a) / Math.Max(1.0, Math.Abs(e))).Max();
            Assert.True(worst <= 1e-6, $"{stem} {key}: rerun differs from a fresh run by {worst} (relative)");
        }
    }
}
