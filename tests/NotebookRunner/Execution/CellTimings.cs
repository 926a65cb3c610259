namespace NotebookRunner.Execution;

/// <summary>Where a cell's seconds went: Roslyn compiling it, its code running, formatting its returned value.</summary>
public sealed record CellTimings(double Compile, double Run, double Format)
{
    public static CellTimings None { get; } = new(0, 0, 0);
}
