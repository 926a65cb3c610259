namespace Notebooks.Tests;

[Collection("series")]
public class SeriesTests(SeriesRun run)
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    // (notebook, report key) pairs that must equal PyTorch's values for the default seed.
    public static TheoryData<string, string> ReferenceValues => new()
    {
        { "02-manual-autograd", "inputs" }, { "02-manual-autograd", "targets" },
        { "02-manual-autograd", "w" }, { "02-manual-autograd", "b" },
        { "04-nn-module", "X" }, { "04-nn-module", "y" },
        { "04-nn-module", "model.linear.weight" }, { "04-nn-module", "model.linear.bias" },
        { "05-make-regression", "X" }, { "05-make-regression", "y" },
        { "05-make-regression", "model.weight" }, { "05-make-regression", "model.bias" },
        { "03-linear-regression-from-scratch", "features" }, { "03-linear-regression-from-scratch", "labels" },
        { "01-autograd-requires-grad", "a" }, { "01-autograd-requires-grad", "c" }, { "01-autograd-requires-grad", "o" },
        { "01-autograd-requires-grad", "inputs" }, { "01-autograd-requires-grad", "targets" },
        { "01-autograd-requires-grad", "w" }, { "01-autograd-requires-grad", "b" },
    };

    // (notebook, report key, true value, tolerance): what training should recover.
    public static TheoryData<string, string, double[], double> Truths => new()
    {
        { "02-manual-autograd", "w", [1.1, 2.2, 3.3], 0.2 },
        { "02-manual-autograd", "b", [4.4], 0.2 },
        { "04-nn-module", "model.linear.weight", [3.0], 0.3 },
        { "04-nn-module", "model.linear.bias", [10.0], 1.0 },
        { "03-linear-regression-from-scratch", "w", [2.0, -3.4], 0.01 },
        { "03-linear-regression-from-scratch", "b", [4.2], 0.01 },
        { "01-autograd-requires-grad", "w", [3.0], 0.1 },
        { "01-autograd-requires-grad", "b", [0.8], 0.1 },
    };

    [Theory, MemberData(nameof(Notebooks))]
    public void every_notebook_runs_headlessly_without_a_failed_cell(string stem)
    {
        var report = run.NotebookReport(stem);
        Assert.True(report != null, $"{stem} was not run: {run.Stderr}");
        Assert.True((string?)report!["status"] == "ok", $"{stem}: {report["error"]?.ToJsonString()}");
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void every_notebook_is_an_nbformat_4_polyglot_csharp_notebook(string stem)
    {
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(run.RepoRoot, "notebooks", stem + ".ipynb")))!.AsObject();
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.Equal(".net-csharp", (string?)nb["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)nb["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        var code = nb["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.NotEmpty(code);
        Assert.All(code, c => Assert.Equal("csharp", (string?)c!["metadata"]?["polyglot_notebook"]?["kernelName"]));
        Assert.Contains(code, c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true);
    }

    [Theory, MemberData(nameof(ReferenceValues))]
    public void the_default_seed_reproduces_pytorchs_values(string stem, string key)
    {
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(run.RepoRoot, "data", "reference", stem + ".json")))!;
        var expected = Values.Flat(reference["values"]![key]);
        var actual = Values.Flat(run.NotebookReport(stem)?["variables"]?[key]);
        Assert.True(expected.Length > 0, $"reference {stem}/{key} missing");
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(Values.MaxAbsDifference(expected, actual) <= 1e-4,
            $"{stem} {key}: max |C# - PyTorch| = {Values.MaxAbsDifference(expected, actual)}");
    }

    [Theory, MemberData(nameof(Truths))]
    public void training_recovers_the_true_parameters(string stem, string key, double[] truth, double tolerance)
    {
        var actual = Values.Flat(run.NotebookReport(stem)?["variables"]?[key]);
        Assert.Equal(truth.Length, actual.Length);
        Assert.True(Values.MaxAbsDifference(truth, actual) <= tolerance, $"{stem} {key}: [{string.Join(", ", actual)}]");
    }
}
