using System.Diagnostics;

namespace Benchmarks;

/// <summary>Starts the built runner (NotebookRunner.dll) from the repository root and waits for it.</summary>
public static class Runner
{
    /// <summary>The process's wall-clock seconds; throws with the runner's output when it fails.</summary>
    public static double Run(string repoRoot, string runnerDll, params string[] args)
    {
        var start = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(runnerDll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"runner {string.Join(' ', args)}: exit code {process.ExitCode}\n{stdout.Result}{stderr.Result}");
        return start.Elapsed.TotalSeconds;
    }
}
