using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Execution;

namespace NotebookRunner.Running;

/// <summary>The outcome of running one notebook, for the failure line, the exit code and the report.</summary>
public sealed class NotebookRunResult
{
    public required string InputPath { get; init; }
    public required string OutputPath { get; init; }
    public double Duration { get; set; }
    public List<CellRecord> Cells { get; } = [];
    public int? FailedCell { get; set; }
    public string FailedCellFirstLine { get; set; } = "";
    public CellError? Error { get; set; }
    public bool TimedOut { get; set; }
    public ScriptState<object>? FinalState { get; set; }

    public bool Failed => Error is not null;

    /// <summary>`file: cell n (first line): ename: evalue` -- printed before any detail.</summary>
    public string FailureLine =>
        $"{InputPath}: cell {FailedCell} ({FailedCellFirstLine}): {Error!.OneLine}";
}
