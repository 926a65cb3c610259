namespace NotebookRunner.Running;

/// <summary>How notebooks are run: per-cell timeout, the working directory for the code, where progress goes.</summary>
public sealed record RunSettings(TimeSpan? Timeout, string? WorkingDirectory, TextWriter Progress);
