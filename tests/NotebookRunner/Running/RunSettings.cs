namespace NotebookRunner.Running;

/// <summary>How notebooks are run: per-cell timeout, the working directory for the code, where progress goes.</summary>
public sealed record RunSettings(TimeSpan? Timeout, string? WorkingDirectory, TextWriter Progress)
{
    /// <summary>When set, the run's early endings (signals, Environment.Exit, a thread's exception) write the partial notebook.</summary>
    public RunGuard? Guard { get; init; }
}
