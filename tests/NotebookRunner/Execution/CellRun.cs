namespace NotebookRunner.Execution;

/// <summary>
/// What bounds a cell's run: `run`'s --timeout, and a stop token (the kernel's interrupt, `run`'s signals). Either
/// ends the cell's package restore too.
/// </summary>
public sealed record CellBounds(TimeSpan? Timeout, CancellationToken Stop)
{
    public static CellBounds None { get; } = new(null, CancellationToken.None);
}

public enum CellEnd { Completed, Failed, TimedOut, Stopped }

/// <summary>How a cell ended; its outputs, the error among them, are in the session's <see cref="CellOutputs"/>.</summary>
public sealed record CellResult(CellEnd End, CellError? Error, CellTimings Timings)
{
    public static CellResult Failed(CellError error, CellTimings? timings = null) => new(CellEnd.Failed, error, timings ?? CellTimings.None);
}
