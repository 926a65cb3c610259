namespace Export.Tests;

/// The five notebooks executed once by the runner with `-p seed 2024`: what each app must print at that seed.
public sealed class SeriesAtSeed2024
{
    public const string Seed = "2024";

    private readonly Dictionary<string, JsonObject> _executed = new();

    public SeriesAtSeed2024()
    {
        using var output = new ScratchFolder("export-series-run");
        var result = ExportProcesses.Runner(["run", .. ExportPaths.SeriesNotebooks, "-o", output.Root, "-p", "seed", Seed]);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var notebook in ExportPaths.SeriesNotebooks)
        {
            var executed = output.Path(Path.GetFileName(notebook));
            _executed[Path.GetFileNameWithoutExtension(notebook)] = JsonNode.Parse(File.ReadAllText(executed))!.AsObject();
        }
    }

    public JsonObject Executed(string stem) => _executed[stem];
}
