using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Running;

/// <summary>
/// Papermill's execute step for one (already parameterized) notebook: clear old outputs, run the code cells in
/// one script state, record outputs and papermill metadata, leave the cells after a failure pending.
/// </summary>
public sealed class NotebookExecutor(RunSettings settings)
{
    // The notebooks of one run compile against the same reference objects and share the submissions they begin with.
    private readonly SharedCompilation _shared = new();

    public NotebookRunResult Execute(NotebookDocument notebook, string inputPath, string outputPath, JsonObject parameters)
    {
        var result = new NotebookRunResult { InputPath = inputPath, OutputPath = outputPath };
        var cells = notebook.Cells;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        PrepareCells(cells);
        UpgradeToCellIds(notebook);
        PapermillMetadata.SetNotebook(notebook, parameters, inputPath, outputPath, started, null, null);

        var guard = settings.Guard;
        var sync = guard?.Sync ?? new object();
        // The runner's own stdin is not the cells' to read (a CI job's pipe, a terminal): they see end of input.
        using var session = new NotebookSession(new SessionSettings(inputPath, settings.Progress, TextReader.Null) { OutputsGate = sync, Shared = _shared });
        guard?.NotebookStarted(notebook, inputPath, outputPath, session.Outputs);
        session.CompileAhead(cells.Select((cell, index) => (cell, index + 1)).Where(c => c.cell.IsCode && !string.IsNullOrWhiteSpace(c.cell.Source)));
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = settings.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var bounds = new CellBounds(settings.Timeout, guard?.Stopping ?? CancellationToken.None);
        var executionCount = 0;
        try
        {
            for (var index = 0; index < cells.Count; index++)
            {
                var cell = cells[index];
                var number = index + 1;
                if (result.Failed)
                {
                    result.Cells.Add(new CellRecord(number, cell.IsCode, CellStatus.Pending, 0));
                    continue;
                }
                var cellStart = DateTime.UtcNow;
                var cellClock = Stopwatch.StartNew();
                var ran = cell.IsCode && !string.IsNullOrWhiteSpace(cell.Source);
                var outcome = new CellResult(CellEnd.Completed, null, CellTimings.None);
                if (ran)
                {
                    lock (sync)
                    {
                        cell.Json["outputs"] = session.Outputs.BeginCell();
                        cell.Json["execution_count"] = ++executionCount;
                        guard?.CellStarted(cell, number, cellStart);
                    }
                    outcome = session.Run(cell, number, executionCount, bounds);
                    result.TimedOut = outcome.End == CellEnd.TimedOut;
                }
                var seconds = cellClock.Elapsed.TotalSeconds;
                var error = outcome.Error;
                lock (sync) PapermillMetadata.MarkFinished(cell, cellStart, DateTime.UtcNow, error is not null);
                result.Cells.Add(new CellRecord(number, cell.IsCode, error is null ? CellStatus.Completed : CellStatus.Failed, seconds) { Timings = outcome.Timings });
                if (cell.IsCode)
                    settings.Progress.WriteLine(
                        $"[{number}/{cells.Count}] {Shorten(cell.FirstLine)}  {seconds.ToString("0.00", CultureInfo.InvariantCulture)}s"
                        + (result.TimedOut ? "  TIMED OUT" : error is not null ? "  FAILED" : ""));
                if (error is not null)
                {
                    result.Error = error;
                    result.FailedCell = number;
                    result.FailedCellFirstLine = cell.FirstLine;
                }
                if (result.TimedOut) break;
                if (error is null) result.FinalState = session.State;
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        // After a timeout the cells not reached are pending too.
        for (var number = result.Cells.Count + 1; number <= cells.Count; number++)
            result.Cells.Add(new CellRecord(number, cells[number - 1].IsCode, CellStatus.Pending, 0));

        result.Duration = clock.Elapsed.TotalSeconds;
        PapermillMetadata.SetNotebook(notebook, parameters, inputPath, outputPath, started, DateTime.UtcNow, result.Failed);
        return result;
    }

    private static void PrepareCells(IReadOnlyList<NotebookCell> cells)
    {
        foreach (var cell in cells)
        {
            if (cell.IsCode)
            {
                cell.Json["outputs"] = new JsonArray();
                cell.Json["execution_count"] = null;
            }
            PapermillMetadata.MarkPending(cell);
        }
    }

    /// <summary>nbformat 4.5 gives every cell an id (the injected cell has one); older 4.x notebooks get them, as nbformat's upgrade does.</summary>
    private static void UpgradeToCellIds(NotebookDocument notebook)
    {
        if (notebook.Json["nbformat_minor"] is JsonValue minor && minor.TryGetValue<int>(out var value) && value >= 5) return;
        notebook.Json["nbformat_minor"] = 5;
        foreach (var cell in notebook.Cells)
            if (cell.Json["id"] is null) cell.Json["id"] = Guid.NewGuid().ToString("N")[..8];
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
