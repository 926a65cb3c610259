using System.Diagnostics;

namespace Notebooks.Tests;

/// Executes the whole series once through the real runner and keeps the report and executed notebooks.
public sealed class SeriesRun
{
    public static readonly string[] Stems =
    [
        "01-manual-autograd", "02-nn-module", "03-make-regression",
        "04-linear-regression-from-scratch", "05-autograd-requires-grad",
    ];

    public string RepoRoot { get; }
    public string OutputDir { get; }
    public int ExitCode { get; }
    public string Stderr { get; }
    public JsonObject Report { get; }

    public SeriesRun()
    {
        RepoRoot = new SeriesRunPaths().RepoRoot;
        OutputDir = Path.Combine(Path.GetTempPath(), "series-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(OutputDir);
        var reportPath = Path.Combine(OutputDir, "report.json");
        var runner = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");
        var notebooks = Stems.Select(s => Path.Combine(RepoRoot, "notebooks", s + ".ipynb")).Where(File.Exists);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { runner, "run" }.Concat(notebooks).Concat(["-o", OutputDir, "--report", reportPath, "--timeout", "600"]))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        Stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
        ExitCode = p.ExitCode;
        Report = File.Exists(reportPath) ? JsonNode.Parse(File.ReadAllText(reportPath))!.AsObject() : new JsonObject();
    }

    public JsonObject? NotebookReport(string stem) =>
        Report["notebooks"]?.AsArray().Select(n => n!.AsObject())
            .FirstOrDefault(n => Path.GetFileNameWithoutExtension((string)n["notebook"]!) == stem);

    public JsonObject ExecutedNotebook(string stem) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, stem + ".ipynb")))!.AsObject();
}

[CollectionDefinition("series")]
public sealed class SeriesCollection : ICollectionFixture<SeriesRun>;
