namespace NotebookRunner.Export;

/// <summary>Something in a notebook an app cannot reproduce: one line naming the file, the cell and what to do.</summary>
public sealed record ExportProblem(string File, int? Cell, string What)
{
    public override string ToString() => Cell is { } cell ? $"{File}: cell {cell}: {What}" : $"{File}: {What}";
}
