namespace NotebookRunner.Execution;

/// <summary>How one cell's code ended: its return value if it has one, or its error.</summary>
public sealed record CellOutcome(bool HasReturnValue, object? ReturnValue, CellError? Error)
{
    /// <summary>Seconds Roslyn spent compiling the cell (the runner's overhead).</summary>
    public double CompileSeconds { get; init; }

    /// <summary>Seconds the cell's own code ran.</summary>
    public double RunSeconds { get; init; }
}
