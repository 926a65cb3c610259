namespace Notebooks.Tests;

/// One execution of the real runner (the NotebookRunner.dll built next to the tests) as a child process.
public sealed record RunnerResult(int ExitCode, string Stdout, string Stderr, JsonObject Report)
{
    public JsonObject? NotebookReport(string stem) =>
        Report["notebooks"]?.AsArray().Select(n => n!.AsObject())
            .FirstOrDefault(n => Path.GetFileNameWithoutExtension((string)n["notebook"]!) == stem);
}

public static class RunnerProcess
{
    /// <summary>A runner that outlives <paramref name="bound"/> (default 15 minutes) is killed and fails the test.</summary>
    public static RunnerResult Run(IEnumerable<string> arguments, string reportPath, TimeSpan? bound = null)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");
        var result = ChildProcess.Run("dotnet", [runner, .. arguments, "--report", reportPath], Environment.CurrentDirectory,
            bound ?? TimeSpan.FromMinutes(15));
        var report = File.Exists(reportPath) ? JsonNode.Parse(File.ReadAllText(reportPath))!.AsObject() : new JsonObject();
        return new RunnerResult(result.ExitCode, result.Stdout, result.Stderr, report);
    }

    public static string NewTempDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), purpose + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// A scratch copy of the repository's notebooks/, helpers/ and data/, so derived notebooks `#load` the same
    /// helpers by the same relative path and nothing in the repository is written.
    public static string ScratchSeries(string repoRoot, string purpose)
    {
        var root = NewTempDirectory(purpose);
        foreach (var folder in new[] { "notebooks", "helpers", "data" })
            CopyDirectory(Path.Combine(repoRoot, folder), Path.Combine(root, folder));
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public static string CellSource(JsonNode cell) =>
        NotebookText.Of(cell["source"]);

    public static string OutputText(JsonNode cell) =>
        string.Concat(cell["outputs"]?.AsArray().Select(o => NotebookText.Of(o?["text"] ?? o?["data"]?["text/plain"])) ?? []);
}
