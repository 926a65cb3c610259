namespace Notebooks.Tests;

[Collection("series")]
public class SeriesTests(SeriesRun run)
{
    public static TheoryData<string> Notebooks => new(SeriesRun.Stems);

    // (notebook, report key) pairs that must equal PyTorch's values for the default seed.
    public static TheoryData<string, string> ReferenceValues => new()
    {
        { "01-manual-autograd", "inputs" }, { "01-manual-autograd", "targets" },
        { "01-manual-autograd", "w" }, { "01-manual-autograd", "b" },
        { "02-nn-module", "X" }, { "02-nn-module", "y" },
        { "02-nn-module", "model.linear.weight" }, { "02-nn-module", "model.linear.bias" },
        { "03-make-regression", "X" }, { "03-make-regression", "y" },
        { "03-make-regression", "model.weight" }, { "03-make-regression", "model.bias" },
        { "04-linear-regression-from-scratch", "features" }, { "04-linear-regression-from-scratch", "labels" },
        { "05-autograd-requires-grad", "a" }, { "05-autograd-requires-grad", "c" }, { "05-autograd-requires-grad", "o" },
        { "05-autograd-requires-grad", "inputs" }, { "05-autograd-requires-grad", "targets" },
        { "05-autograd-requires-grad", "w" }, { "05-autograd-requires-grad", "b" },
    };

    // (notebook, report key, true value, tolerance): what training should recover.
    public static TheoryData<string, string, double[], double> Truths => new()
    {
        { "01-manual-autograd", "w", [1.1, 2.2, 3.3], 0.2 },
        { "01-manual-autograd", "b", [4.4], 0.2 },
        { "02-nn-module", "model.linear.weight", [3.0], 0.3 },
        { "02-nn-module", "model.linear.bias", [10.0], 1.0 },
        { "04-linear-regression-from-scratch", "w", [2.0, -3.4], 0.01 },
        { "04-linear-regression-from-scratch", "b", [4.2], 0.01 },
        { "05-autograd-requires-grad", "w", [3.0], 0.1 },
        { "05-autograd-requires-grad", "b", [0.8], 0.1 },
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
