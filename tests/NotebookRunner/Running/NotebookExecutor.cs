using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Execution;
using NotebookRunner.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Running;

/// <summary>
/// Papermill's execute step for one (already parameterized) notebook: clear old outputs, run the code cells in
/// one script state, record outputs and papermill metadata, leave the cells after a failure pending.
/// </summary>
public sealed class NotebookExecutor(RunSettings settings)
{
    public NotebookRunResult Execute(NotebookDocument notebook, string inputPath, string outputPath, JsonObject parameters)
    {
        var result = new NotebookRunResult { InputPath = inputPath, OutputPath = outputPath };
        var cells = notebook.Cells;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        PrepareCells(cells);
        UpgradeToCellIds(notebook);
        PapermillMetadata.SetNotebook(notebook, parameters, inputPath, outputPath, started, null, null);

        Formatter.ResetToDefault();
        // What the Polyglot kernel sets up for notebook front ends (dotnet-interactive KernelBuilder.SetUpFormatters).
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        var guard = settings.Guard;
        var sync = guard?.Sync ?? new object();
        guard?.NotebookStarted(notebook, inputPath, outputPath);
        FormatterDisplays.Install();
        var session = new ExecutionSession(inputPath);
        var packages = new NugetReferences(session, settings.Progress);
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = settings.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var executionCount = 0;
        try
        {
            using var capture = ConsoleCapture.Install();
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
                CellError? error = null;
                var timings = CellTimings.None;
                var ran = cell.IsCode && !string.IsNullOrWhiteSpace(cell.Source);
                if (ran)
                {
                    lock (sync)
                    {
                        cell.Json["outputs"] = CellOutputs.BeginCell();
                        cell.Json["execution_count"] = ++executionCount;
                        guard?.CellStarted(cell, number, cellStart);
                    }
                    capture.Apply();
                    error = RunCell(session, packages, cell, number, executionCount, out var timedOut, out timings);
                    result.TimedOut = timedOut;
                }
                var seconds = cellClock.Elapsed.TotalSeconds;
                lock (sync)
                {
                    if (error is not null) CellOutputs.AddError(error.Ename, error.Evalue, error.Traceback);
                    if (ran) CellOutputs.Flush();
                    PapermillMetadata.MarkFinished(cell, cellStart, DateTime.UtcNow, error is not null);
                }
                result.Cells.Add(new CellRecord(number, cell.IsCode, error is null ? CellStatus.Completed : CellStatus.Failed, seconds) { Timings = timings });
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

    private CellError? RunCell(ExecutionSession session, NugetReferences packages, NotebookCell cell, int number,
        int executionCount, out bool timedOut, out CellTimings timings)
    {
        timedOut = false;
        timings = CellTimings.None;
        try
        {
            CellDirectives.EnsureCSharp(cell, number);
        }
        catch (CellLanguageException e)
        {
            return new CellError("UnsupportedCellLanguage", e.Message, [e.Message]);
        }
        var prepared = CellDirectives.Prepare(cell.Source);
        if (prepared.UnsupportedMagic is var (magic, line))
        {
            var message = CellDirectives.UnsupportedMagicMessage(number, magic, line);
            return new CellError("UnsupportedMagicCommand", message, [message]);
        }

        // The timeout bounds all the cell causes, its packages' restore included; cancelling kills that restore.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(settings.Guard?.Stopping ?? CancellationToken.None);
        var wallClock = Stopwatch.StartNew();
        CellOutcome? outcome;
        try
        {
            if (!CellThread.TryRun(() => RestoreThenRun(session, packages, prepared, number, cancel.Token), settings.Timeout, out outcome))
            {
                timedOut = true;
                cancel.Cancel();
                return CellErrorFormatter.Timeout(settings.Timeout!.Value.TotalSeconds);
            }
        }
        catch (AggregateException e)
        {
            return CellErrorFormatter.FromException(e.InnerException ?? e);
        }
        timings = new CellTimings(outcome!.CompileSeconds, outcome.RunSeconds, 0);
        if (outcome.Error is not null) return outcome.Error;
        if (outcome.HasReturnValue)
        {
            var formatting = Stopwatch.StartNew();
            try
            {
                CellOutputs.AddExecuteResult(outcome.ReturnValue, executionCount);
            }
            catch (Exception e)
            {
                return CellErrorFormatter.FromException(e);
            }
            finally
            {
                timings = timings with { Format = formatting.Elapsed.TotalSeconds };
            }
        }
        // Polyglot's #!time shows this line (in the kernel's culture) after the cell's outputs, when the cell succeeds.
        if (prepared.Timed)
            CellOutputs.AddDisplayData(new JsonObject { ["text/plain"] = NotebookCell.SplitLines($"Wall time: {wallClock.Elapsed.TotalMilliseconds}ms") });
        return null;
    }

    private static CellOutcome RestoreThenRun(ExecutionSession session, NugetReferences packages, PreparedCell prepared,
        int number, CancellationToken cancellationToken)
    {
        if ((prepared.Packages.Count > 0 || prepared.Sources.Count > 0)
            && packages.Add(prepared.Packages, prepared.Sources, cancellationToken) is { } restoreError)
            return new CellOutcome(false, null, restoreError);
        return session.Run(prepared.Code, number);
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
