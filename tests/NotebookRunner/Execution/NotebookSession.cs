using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>
/// The engine: one notebook's script state and its cell pipeline, which both front ends drive (`run` writes the
/// outputs into the notebook, the kernel publishes them on iopub). A cell is prepared (its language checked, Polyglot
/// directives and magics read), its `#r` packages restored, compiled and run on its own thread (bounded by a timeout or
/// a stop), its value formatted; every output, its error included, goes to <see cref="Outputs"/>.
/// The console and the Formatting package's events are the process's; the session points them at itself before each
/// cell, so a cell that redirected Console.Out does not silence the cells after it.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private readonly ScriptSubmissions _script;
    private readonly NugetReferences _packages;
    private readonly FormatterDisplays _displays;
    private readonly ConsoleCapture.Installed _console;
    private int _warmUpStarted;

    public NotebookSession(SessionSettings settings)
    {
        // Roslyn's start, the framework references and the Polyglot helpers compile while the rest is set up and the
        // front end gets ready.
        _script = new ScriptSubmissions(settings.NotebookPath, settings.Shared ?? new SharedCompilation());
        _script.StartInBackground();
        PolyglotFormatterSetup.Apply();
        Outputs = new CellOutputs(settings.Listener, settings.OutputsGate);
        _displays = new FormatterDisplays(Outputs);
        FormatterDisplays.Active = _displays;
        _packages = new NugetReferences(_script, settings.Log);
        _console = ConsoleCapture.Install(Outputs, settings.Stdin);
    }

    public CellOutputs Outputs { get; }

    /// <summary>The script state after the last cell that completed (the helpers' submission before any).</summary>
    public ScriptState<object> State => _script.Started();

    /// <summary>
    /// Warms, once, what the first cell will need, on two <see cref="IdleThread"/>s, so it never delays anything else:
    /// one formats a value and compiles a one-line cell on its own while Roslyn's first submission binds the session's
    /// references, the other compiles that cell on top of the first submission (<see cref="CompilerWarmUp"/>). The
    /// kernel starts it as it starts, while the front end connects; the task ends when both have.
    /// </summary>
    public Task StartCompilerWarmUp()
    {
        if (Interlocked.Exchange(ref _warmUpStarted, 1) != 0) return Task.CompletedTask;
        return Task.WhenAll(
            IdleThread.Run("warm-up: formatting and Roslyn", () =>
            {
                FormattedOutput.Format(43);
                CompilerWarmUp.CompileAlone();
            }),
            IdleThread.Run("warm-up: a cell", () => CompilerWarmUp.Compile(_script.FirstState().Script, _script.Options.WithFilePath(_script.CellPath(1)))));
    }

    /// <summary>
    /// The code cells that will run, in order (`run` knows them all): each compiles while the cells before it run, if
    /// nothing before its turn can change what it compiles to (see <see cref="AheadCompiler"/>).
    /// </summary>
    public void CompileAhead(IEnumerable<(NotebookCell Cell, int Number)> cells) =>
        _script.CompileAhead(cells.Select(c => (c.Number, (Func<string?>)(() => AheadCode(c.Cell, c.Number)))).ToList());

    /// <summary>The code the pipeline will compile for the cell, or null when preparing it does more than rewrite it.</summary>
    private static string? AheadCode(NotebookCell cell, int number)
    {
        try
        {
            CellDirectives.EnsureCSharp(cell, number);
        }
        catch (CellLanguageException)
        {
            return null;
        }
        var prepared = CellDirectives.Prepare(cell.Source);
        if (prepared.UnsupportedMagic is not null || prepared.Packages.Count > 0 || prepared.Sources.Count > 0) return null;
        return InterruptCheck.Instrument(prepared.Code);
    }

    /// <summary>
    /// Runs one cell through the pipeline, its outputs into the list the front end began with
    /// <see cref="CellOutputs.BeginCell"/>. <paramref name="number"/> names the cell in messages and tracebacks,
    /// <paramref name="executionCount"/> goes on its execute_result.
    /// </summary>
    public CellResult Run(NotebookCell cell, int number, int executionCount, CellBounds bounds)
    {
        _console.Apply();
        FormatterDisplays.Active = _displays;
        var result = RunPipeline(cell, number, executionCount, bounds);
        if (result.Error is { } error) Outputs.AddError(error.Ename, error.Evalue, error.Traceback);
        Outputs.Flush();
        return result;
    }

    /// <summary>
    /// Evaluates an expression against the state after the last cell, keeping nothing it declares, and formats its
    /// value as a cell's value is formatted (Jupyter's user_expressions); or says why it could not.
    /// </summary>
    public (IReadOnlyList<(string MimeType, string Value)>? Data, CellError? Error) Evaluate(string expression)
    {
        try
        {
            var value = _script.Evaluate(expression);
            var data = FormattedOutput.Format(value).ToList();
            // Clients of user_expressions read text/plain (ipykernel always sends it); Polyglot prefers HTML for most values.
            if (data.All(d => d.MimeType != PlainTextFormatter.MimeType)) data.AddRange(FormattedOutput.Format(value, PlainTextFormatter.MimeType));
            return (data, null);
        }
        catch (CompilationErrorException e)
        {
            return (null, CellErrorFormatter.FromCompilation(e, _script.CellPath(0)));
        }
        catch (Exception e)
        {
            return (null, CellErrorFormatter.FromException(e));
        }
    }

    private CellResult RunPipeline(NotebookCell cell, int number, int executionCount, CellBounds bounds)
    {
        try
        {
            CellDirectives.EnsureCSharp(cell, number);
        }
        catch (CellLanguageException e)
        {
            return CellResult.Failed(new CellError("UnsupportedCellLanguage", e.Message, [e.Message]));
        }
        var prepared = CellDirectives.Prepare(cell.Source);
        if (prepared.UnsupportedMagic is var (magic, line))
        {
            var message = CellDirectives.UnsupportedMagicMessage(number, magic, line);
            return CellResult.Failed(new CellError("UnsupportedMagicCommand", message, [message]));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(bounds.Stop);
        var wallClock = Stopwatch.StartNew();
        CellOutcome? outcome;
        try
        {
            switch (CellThread.Run(() => RestoreThenRun(prepared, number, stop.Token), bounds.Timeout, stop, out outcome))
            {
                case CellThreadEnd.TimedOut:
                    return new CellResult(CellEnd.TimedOut, CellErrorFormatter.Timeout(bounds.Timeout!.Value.TotalSeconds), CellTimings.None);
                case CellThreadEnd.Stopped:
                    return new CellResult(CellEnd.Stopped, CellErrorFormatter.Interrupted, CellTimings.None);
            }
        }
        catch (AggregateException e)
        {
            return CellResult.Failed(CellErrorFormatter.FromException(e.InnerException ?? e));
        }
        var timings = new CellTimings(outcome!.CompileSeconds, outcome.RunSeconds, 0);
        if (outcome.Error is not null) return CellResult.Failed(outcome.Error, timings);
        if (outcome.HasReturnValue)
        {
            var formatting = Stopwatch.StartNew();
            try
            {
                Outputs.AddExecuteResult(outcome.ReturnValue, executionCount);
            }
            catch (Exception e)
            {
                return CellResult.Failed(CellErrorFormatter.FromException(e), timings with { Format = formatting.Elapsed.TotalSeconds });
            }
            timings = timings with { Format = formatting.Elapsed.TotalSeconds };
        }
        // Polyglot's #!time shows this line (in the kernel's culture) after the cell's outputs, when the cell succeeds.
        if (prepared.Timed)
            Outputs.AddDisplayData(new JsonObject { ["text/plain"] = NotebookCell.SplitLines($"Wall time: {wallClock.Elapsed.TotalMilliseconds}ms") });
        return new CellResult(CellEnd.Completed, null, timings);
    }

    /// <summary>On the cell's thread: everything the cell causes is bounded by its timeout and stop, its restore too.</summary>
    private CellOutcome RestoreThenRun(PreparedCell prepared, int number, CancellationToken stop)
    {
        InterruptCheck.Enter(stop);
        if ((prepared.Packages.Count > 0 || prepared.Sources.Count > 0)
            && _packages.Add(prepared.Packages, prepared.Sources, stop) is { } restoreError)
            return new CellOutcome(false, null, restoreError);
        return _script.Run(InterruptCheck.Instrument(prepared.Code), number);
    }

    public void Dispose()
    {
        _script.Dispose();
        _console.Dispose();
        _displays.Dispose();
    }
}
