using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>Runs the real NotebookRunner.dll from the test output folder as a child process.</summary>
public static class RunnerProcess
{
    public static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static ProcessResult Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run("dotnet", [RunnerDll, .. args], workingDirectory, TimeSpan.FromMinutes(5));
}

/// <summary>The lines of the runner's stderr that the tests read.</summary>
public static class RunnerOutput
{
    extension(ProcessResult result)
    {
        /// <summary>The one-line failure summary ("PATH: cell N (first line): ename: evalue"), skipping progress and restore lines.</summary>
        public string FailureLine => result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .FirstOrDefault(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\S.*: cell \d+ \(")) ?? "";

        public string FirstStderrLine => result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('\r') ?? "";
    }
}

/// <summary>A fixture notebook copied into a fresh temp dir, so each test runs on its own copy.</summary>
public sealed class FixtureCopy : IDisposable
{
    private readonly ScratchFolder _scratch = new("nbrunner-tests");
    public string Dir => _scratch.Root;
    public string Notebook { get; }
    public string Output => Path.Combine(Dir, "out.ipynb");
    public string Report => Path.Combine(Dir, "report.json");
    readonly byte[] originalBytes;

    public FixtureCopy(string fixtureName, params string[] extraFiles)
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (var name in extraFiles.Prepend(fixtureName))
            File.Copy(Path.Combine(fixtures, name), Path.Combine(Dir, name));
        Notebook = Path.Combine(Dir, fixtureName);
        originalBytes = File.ReadAllBytes(Notebook);
    }

    public ProcessResult Run(params string[] extraArgs) =>
        RunnerProcess.Run(Dir, new[] { "run", Notebook, "-o", Output }.Concat(extraArgs).ToArray());

    public bool InputUnchanged => File.ReadAllBytes(Notebook).AsSpan().SequenceEqual(originalBytes);

    public JsonObject ReadOutput() => JsonNode.Parse(File.ReadAllText(Output))!.AsObject();

    public JsonObject ReadReportNotebook() =>
        JsonNode.Parse(File.ReadAllText(Report))!["notebooks"]![0]!.AsObject();

    public void Dispose() => _scratch.Dispose();
}
