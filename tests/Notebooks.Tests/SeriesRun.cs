namespace Notebooks.Tests;

/// Executes the whole series once through the real runner and keeps the report and executed notebooks.
public sealed class SeriesRun : IDisposable
{
    public static readonly string[] Stems =
    [
        "01-autograd-requires-grad", "02-manual-autograd", "03-linear-regression-from-scratch",
        "04-nn-module", "05-make-regression",
    ];

    public string RepoRoot { get; }
    public string OutputDir { get; }
    public int ExitCode { get; }
    public string Stderr { get; }
    public JsonObject Report => _result.Report;
    private readonly RunnerResult _result;
    private readonly ScratchFolder _scratch = new("series-run");

    public SeriesRun()
    {
        RepoRoot = Repository.Root;
        OutputDir = _scratch.Root;
        var notebooks = Stems.Select(s => Path.Combine(RepoRoot, "notebooks", s + ".ipynb")).Where(File.Exists);
        _result = RunnerProcess.Run(["run", .. notebooks, "-o", OutputDir, "--timeout", "600"], Path.Combine(OutputDir, "report.json"));
        ExitCode = _result.ExitCode;
        Stderr = _result.Stderr;
    }

    public JsonObject? NotebookReport(string stem) => _result.NotebookReport(stem);

    public JsonObject ExecutedNotebook(string stem) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, stem + ".ipynb")))!.AsObject();

    public void Dispose() => _scratch.Dispose();
}

[CollectionDefinition("series")]
public sealed class SeriesCollection : ICollectionFixture<SeriesRun>;
