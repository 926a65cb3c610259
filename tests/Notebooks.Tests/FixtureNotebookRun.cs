using System.Diagnostics;

namespace Notebooks.Tests;

/// Runs one notebook of Fixtures/ (in place, so its relative #load reaches the repository's helpers) through the
/// real runner with `-p` parameters, and returns that notebook's entry of the `--report` JSON.
public static class FixtureNotebookRun
{
    public static JsonObject Report(string fixtureName, IEnumerable<(string Name, string Value)> parameters)
    {
        var repoRoot = new SeriesRunPaths().RepoRoot;
        var notebook = Path.Combine(repoRoot, "tests", "Notebooks.Tests", "Fixtures", fixtureName);
        var outputDir = Path.Combine(Path.GetTempPath(), "fixture-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outputDir);
        try
        {
            var reportPath = Path.Combine(outputDir, "report.json");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            var arguments = new List<string>
            {
                Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run", notebook,
                "-o", Path.Combine(outputDir, fixtureName), "--report", reportPath, "--timeout", "300",
            };
            foreach (var (name, value) in parameters) arguments.AddRange(["-p", name, value]);
            foreach (var a in arguments) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(6)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the runner did not finish {fixtureName}");
            }
            _ = stdout.Result;
            Assert.True(process.ExitCode == 0, $"{fixtureName} failed (exit {process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(File.ReadAllText(reportPath))!["notebooks"]![0]!.AsObject();
        }
        finally
        {
            try { Directory.Delete(outputDir, recursive: true); } catch (IOException) { }
        }
    }
}
