namespace Notebooks.Tests;

/// Runs one notebook of Fixtures/ (in place, so its relative #load reaches the repository's helpers) through the
/// real runner with `-p` parameters, and returns that notebook's entry of the `--report` JSON.
public static class FixtureNotebookRun
{
    public static JsonObject Report(string fixtureName, IEnumerable<(string Name, string Value)> parameters)
    {
        var repoRoot = Repository.Root;
        var notebook = Path.Combine(repoRoot, "tests", "Notebooks.Tests", "Fixtures", fixtureName);
        using var scratch = new ScratchFolder("fixture-run");
        var arguments = new List<string> { "run", notebook, "-o", scratch.Path(fixtureName), "--timeout", "300" };
        foreach (var (name, value) in parameters) arguments.AddRange(["-p", name, value]);
        var result = RunnerProcess.Run(arguments, scratch.Path("report.json"), TimeSpan.FromMinutes(6));
        Assert.True(result.ExitCode == 0, $"{fixtureName} failed (exit {result.ExitCode}): {result.Stderr}");
        return result.Report["notebooks"]![0]!.AsObject();
    }
}
