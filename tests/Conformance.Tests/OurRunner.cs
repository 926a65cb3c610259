namespace Conformance.Tests;

/// <summary>Our runner (NotebookRunner.dll, built beside the tests) on the same notebooks, with the same private folders.</summary>
public static class OurRunner
{
    /// <summary>Executes the notebooks into a temporary folder and returns each one's code cells, by file stem.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EngineCell>> Run(IReadOnlyList<string> notebookPaths)
    {
        using var scratch = new ScratchFolder("conformance-runner");
        var output = scratch.Root;
        var args = new List<string> { Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run" };
        args.AddRange(notebookPaths);
        args.AddRange(["-o", output]);
        var folders = PrivateEngineFolders.Shared;
        var result = ChildProcess.Run("dotnet", args, Repository.Root, TimeSpan.FromMinutes(20),
            configure: start => folders.Apply(start, privateHome: false));
        return notebookPaths.ToDictionary(
            p => Path.GetFileNameWithoutExtension(p),
            p =>
            {
                var executed = Path.Combine(output, Path.GetFileName(p));
                if (!File.Exists(executed))
                    throw new InvalidOperationException($"the runner wrote no {executed} (exit {result.ExitCode}):\n{result.Stderr}");
                return Read(executed);
            });
    }

    /// <summary>The code cells of an executed notebook, with their nbformat outputs as <see cref="EngineOutput"/>s.</summary>
    public static IReadOnlyList<EngineCell> Read(string executedNotebook)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedNotebook))!;
        var cells = new List<EngineCell>();
        var number = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            number++;
            if ((string?)cell!["cell_type"] != "code") continue;
            var source = NotebookText.Of(cell["source"]);
            if (string.IsNullOrWhiteSpace(source)) continue;
            var outputs = cell["outputs"]!.AsArray().Select(o => (string?)o!["output_type"] switch
            {
                "stream" => EngineOutput.Stream((string)o["name"]!, NotebookText.Of(o["text"])),
                "error" => EngineOutput.Error($"{(string?)o["ename"]}: {(string?)o["evalue"]}"),
                var kind => EngineOutput.Rich(kind!, o["data"]!.AsObject().ToDictionary(d => d.Key, d => NotebookText.Of(d.Value))),
            }).ToList();
            cells.Add(new EngineCell(number, source, outputs));
        }
        return cells;
    }
}
