using System.Diagnostics;

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
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { runner }.Concat(arguments).Concat(["--report", reportPath])) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(bound ?? TimeSpan.FromMinutes(15)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runner did not finish: {string.Join(' ', psi.ArgumentList)}");
        }
        var report = File.Exists(reportPath) ? JsonNode.Parse(File.ReadAllText(reportPath))!.AsObject() : new JsonObject();
        return new RunnerResult(p.ExitCode, stdout.Result, stderr.Result, report);
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
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    public static string OutputText(JsonNode cell) =>
        string.Concat(cell["outputs"]?.AsArray().Select(o =>
        {
            var node = o?["text"] ?? o?["data"]?["text/plain"];
            return node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
        }) ?? []);
}
