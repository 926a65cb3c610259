namespace Notebooks.Tests;

/// Runs helpers.csx's FormatTensor through the real runner on every tensor of data/reference/format_tensor.json.
public sealed class FormatTensorRun
{
    public JsonArray Cases { get; }
    public RunnerResult Result { get; }
    public JsonObject Executed { get; }

    public FormatTensorRun()
    {
        var repoRoot = Repository.Root;
        Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(repoRoot, "data", "reference", "format_tensor.json")))!["cases"]!.AsArray();
        using var scratch = ScratchFolder.LikeRepository("format-tensor", ["notebooks", "helpers", "data"]);
        var root = scratch.Root;
        var cells = new List<string>
        {
            PinnedPackages.ReferenceLine("TorchSharp-cpu") + "\n" + PinnedPackages.ReferenceLine("ScottPlot"),
            "#load \"../helpers/helpers.csx\"",
            "using TorchSharp;\nusing static TorchSharp.torch;",
        };
        foreach (var c in Cases)
        {
            var seed = c!["seed"] is JsonValue s ? $"torch.manual_seed({s});\n" : "";
            cells.Add(seed + $"Console.Write(FormatTensor({(string)c["csharp"]!}));");
        }
        var path = Path.Combine(root, "notebooks", "format-tensor.ipynb");
        File.WriteAllText(path, FixtureNotebook.Json(cells).ToJsonString());
        var executed = Path.Combine(root, "format-tensor.executed.ipynb");
        Result = RunnerProcess.Run(["run", path, "-o", executed, "--timeout", "300"], Path.Combine(root, "report.json"));
        Executed = File.Exists(executed) ? JsonNode.Parse(File.ReadAllText(executed))!.AsObject() : new JsonObject();
    }

    public string Printed(string name)
    {
        var index = Cases.Select(c => (string)c!["name"]!).ToList().IndexOf(name);
        var code = Executed["cells"]?.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        return code is null || code.Count <= 3 + index ? "" : RunnerProcess.OutputText(code[3 + index]!);
    }
}

public class FormatTensorTests(FormatTensorRun run) : IClassFixture<FormatTensorRun>
{
    public static TheoryData<string> Cases => new(
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "data", "reference", "format_tensor.json")))!
            ["cases"]!.AsArray().Select(c => (string)c!["name"]!));

    [Theory, MemberData(nameof(Cases))]
    public void format_tensor_prints_what_pytorch_prints_for_the_same_tensor(string name)
    {
        Assert.True(run.Result.ExitCode == 0, $"the fixture notebook failed: {run.Result.Stderr}");
        var expected = (string)run.Cases.First(c => (string)c!["name"]! == name)!["expected"]!;
        // TorchSharp does not expose a grad_fn's name, so FormatTensor leaves that one suffix out (and prints no
        // requires_grad=True in its place); everything else must be character for character what PyTorch printed.
        expected = System.Text.RegularExpressions.Regex.Replace(expected, @",\s*grad_fn=<\w+>", "");
        Assert.Equal(expected, run.Printed(name));
    }
}
