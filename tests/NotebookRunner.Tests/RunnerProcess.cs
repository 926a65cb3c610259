using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>Runs the real NotebookRunner.dll from the test output folder as a child process.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The one-line failure summary ("PATH: cell N (first line): ename: evalue"), skipping progress and restore lines.</summary>
    public string FailureLine => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.TrimEnd('\r'))
        .FirstOrDefault(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\S.*: cell \d+ \(")) ?? "";

    public string FirstStderrLine => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('\r') ?? "";
}

public static class RunnerProcess
{
    static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static RunResult Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run("dotnet", [RunnerDll, .. args], workingDirectory, TimeSpan.FromMinutes(5));
}

/// <summary>A real child process with its output captured; one that outlives its bound is killed and fails the test.</summary>
public static class ChildProcess
{
    public static RunResult Run(string program, IEnumerable<string> args, string workingDirectory, TimeSpan bound,
        Action<IDictionary<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        environment?.Invoke(start.Environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {bound.TotalMinutes} minutes");
        }
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fixture notebook copied into a fresh temp dir, so each test runs on its own copy.</summary>
public sealed class FixtureCopy : IDisposable
{
    public string Dir { get; }
    public string Notebook { get; }
    public string Output => Path.Combine(Dir, "out.ipynb");
    public string Report => Path.Combine(Dir, "report.json");
    readonly byte[] originalBytes;

    public FixtureCopy(string fixtureName, params string[] extraFiles)
    {
        Dir = Path.Combine(Path.GetTempPath(), "nbrunner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (var name in extraFiles.Prepend(fixtureName))
            File.Copy(Path.Combine(fixtures, name), Path.Combine(Dir, name));
        Notebook = Path.Combine(Dir, fixtureName);
        originalBytes = File.ReadAllBytes(Notebook);
    }

    public RunResult Run(params string[] extraArgs) =>
        RunnerProcess.Run(Dir, new[] { "run", Notebook, "-o", Output }.Concat(extraArgs).ToArray());

    public bool InputUnchanged => File.ReadAllBytes(Notebook).AsSpan().SequenceEqual(originalBytes);

    public JsonObject ReadOutput() => JsonNode.Parse(File.ReadAllText(Output))!.AsObject();

    public JsonObject ReadReportNotebook() =>
        JsonNode.Parse(File.ReadAllText(Report))!["notebooks"]![0]!.AsObject();

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
