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

    public static string CellSource(JsonNode cell) =>
        NotebookText.Of(cell["source"]);

    public static string OutputText(JsonNode cell) =>
        string.Concat(cell["outputs"]?.AsArray().Select(o => NotebookText.Of(o?["text"] ?? o?["data"]?["text/plain"])) ?? []);
}
