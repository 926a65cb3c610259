namespace NotebookRunner.Execution;

/// <summary>
/// What a front end gives its session: the notebook's path (`#load` and `#r` resolve beside it, tracebacks name
/// it), where restore progress goes, what cells read as Console.In, and how outputs reach the front end.
/// </summary>
public sealed record SessionSettings(string NotebookPath, TextWriter Log, TextReader Stdin)
{
    /// <summary>Told about each output as it is made (the kernel publishes them on iopub); `run` needs none.</summary>
    public ICellOutputListener? Listener { get; init; }

    /// <summary>The lock outputs change under; `run` passes the one it writes the notebook under.</summary>
    public object? OutputsGate { get; init; }

    /// <summary>What this session shares with the process's other sessions to compile less; its own when none is given.</summary>
    public SharedCompilation? Shared { get; init; }
}
