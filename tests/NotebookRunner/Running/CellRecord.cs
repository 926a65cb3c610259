namespace NotebookRunner.Running;

public enum CellStatus { Pending, Completed, Failed }

/// <summary>Where a cell's seconds went: Roslyn compiling it, its code running, formatting its returned value.</summary>
public sealed record CellTimings(double Compile, double Run, double Format)
{
    public static CellTimings None { get; } = new(0, 0, 0);
}

/// <summary>What happened to one cell (1-based <see cref="Number"/> counts every cell of the notebook).</summary>
public sealed record CellRecord(int Number, bool IsCode, CellStatus Status, double Duration)
{
    public CellTimings Timings { get; init; } = CellTimings.None;
}
