using System.Text.Json.Nodes;

namespace NotebookRunner.Tests.Doctor;

/// <summary>
/// Microsoft's engine (dotnet-repl 0.3.259, pinned in dotnet-tools.json) running a two-cell notebook against a private
/// NuGet folder: TorchSharp's own native loading, none of the runner's.
/// </summary>
public static class DotnetRepl
{
    public static (ProcessResult Result, JsonArray Cells) RunProbe(PrivateNuGetFolder folder)
    {
        var probe = Path.Combine(folder.Root, "probe.ipynb");
        var output = Path.Combine(folder.Root, "probe-out.ipynb");
        File.WriteAllText(probe, ProbeNotebook);
        var tools = DoctorProcess.Run("dotnet", ["tool", "restore"], folder);
        Assert.True(tools.ExitCode == 0, tools.Stderr);
        var result = DoctorProcess.Run("dotnet", ["repl", "--run", probe, "--exit-after-run", "--output-path", output], folder);
        Assert.True(File.Exists(output), $"dotnet repl wrote no {output}:\n{result.Stdout}\n{result.Stderr}");
        return (result, JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray());
    }

    public static IEnumerable<JsonNode> Errors(JsonArray cells) =>
        cells.SelectMany(c => c!["outputs"]!.AsArray()).Where(o => (string?)o!["output_type"] == "error")!;

    public static string Stdout(JsonArray cells) => string.Concat(cells.SelectMany(c => c!["outputs"]!.AsArray())
        .Where(o => (string?)o!["name"] == "stdout").Select(o => string.Concat(o!["text"]!.AsArray().Select(t => (string?)t))));

    static JsonObject Cell(string source) => new()
    {
        ["cell_type"] = "code", ["execution_count"] = null, ["outputs"] = new JsonArray(), ["source"] = source,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
    };

    static readonly string ProbeNotebook = new JsonObject
    {
        ["cells"] = new JsonArray(
            Cell(PinnedPackages.ReferenceLine("TorchSharp-cpu")),
            Cell("""TorchSharp.torch.manual_seed(0); Console.WriteLine(string.Join(" ", TorchSharp.torch.rand(3).data<float>().ToArray().Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))));""")),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
        },
        ["nbformat"] = 4, ["nbformat_minor"] = 5,
    }.ToJsonString();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class MicrosoftEngineWithoutTheFix(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void torchsharps_first_load_fails_and_it_copies_libtorch_into_lib_net8_0_cpu()
    {
        DotnetRepl.RunProbe(folder);

        Assert.True(File.Exists(Path.Combine(folder.ConsolidatedFolder, "libtorch_cpu.so")), $"no libtorch copy in {folder.ConsolidatedFolder}");
    }

    public void Dispose() => folder.Dispose();
}

[Collection(RestoredTorchSharpCollection.Name)]
public sealed class MicrosoftEngineAfterTheFix(RestoredTorchSharpTemplate template) : IDisposable
{
    readonly PrivateNuGetFolder folder = PrivateNuGetFolder.CopyOf(template.Folder);

    [Fact]
    public void torchsharp_loads_first_time_and_copies_nothing()
    {
        var fix = DoctorProcess.Doctor(folder, "--fix");
        Assert.True(fix.ExitCode == 0, fix.Stdout + fix.Stderr);

        var (_, cells) = DotnetRepl.RunProbe(folder);

        Assert.Empty(DotnetRepl.Errors(cells));
        // PyTorch's first three draws after manual_seed(0), to the four places printed.
        var draws = DotnetRepl.Stdout(cells).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([0.4963, 0.7682, 0.0885], draws, (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.False(Directory.Exists(folder.ConsolidatedFolder), $"{folder.ConsolidatedFolder} was created");
    }

    public void Dispose() => folder.Dispose();
}
