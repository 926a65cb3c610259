namespace Benchmarks;

/// <summary>Starts the built runner (NotebookRunner.dll) from the repository root and waits for it.</summary>
public static class Runner
{
    /// <summary>A bound no measured run comes near: one past it hangs, and is killed rather than waited for.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromHours(1);

    /// <summary>The process's wall-clock seconds; throws with the runner's output when it fails.</summary>
    public static double Run(string repoRoot, string runnerDll, params string[] args) =>
        ChildProcess.Run("dotnet", args.Prepend(runnerDll), repoRoot, Limit)
            .EnsureSucceeded($"runner {string.Join(' ', args)}").Elapsed.TotalSeconds;
}
