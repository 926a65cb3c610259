namespace Notebooks.Tests;

/// Executes every notebook in notebooks/solutions/ (a folder argument: the runner takes its *.ipynb, not recursing)
/// once through the real runner and keeps the report and the executed notebooks.
public sealed class SolutionsRun : IDisposable
{
    public static readonly string Folder = Path.Combine(Repository.Root, "notebooks", "solutions");

    /// The solutions notebooks present, by file name without .ipynb: a new one is picked up without a list to edit.
    public static IReadOnlyList<string> Stems =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.ipynb").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToList()
            : [];

    private readonly ScratchFolder _scratch = new("solutions-run");

    public string OutputDir => _scratch.Root;
    public RunnerResult Result { get; }

    public SolutionsRun()
    {
        Result = RunnerProcess.Run(["run", Folder, "-o", OutputDir, "--timeout", "600"], Path.Combine(OutputDir, "report.json"));
    }

    public JsonObject ExecutedNotebook(string stem) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, stem + ".ipynb")))!.AsObject();

    public void Dispose() => _scratch.Dispose();
}
