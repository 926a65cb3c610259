using NotebookRunner.Execution;

namespace NotebookRunner.Running;

public enum CellStatus { Pending, Completed, Failed }

/// <summary>What happened to one cell (1-based <see cref="Number"/> counts every cell of the notebook).</summary>
public sealed record CellRecord(int Number, bool IsCode, CellStatus Status, double Duration)
{
    public CellTimings Timings { get; init; } = CellTimings.None;
}
