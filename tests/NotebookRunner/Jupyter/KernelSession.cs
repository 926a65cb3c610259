using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Execution;
using NotebookRunner.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Jupyter;

/// <summary>
/// The runner's engine behind the kernel: one <see cref="ExecutionSession"/> with its NuGet restore, `#load`,
/// TorchSharp native loading and Polyglot formatting, set up as `run` sets it up for a notebook.
/// </summary>
public sealed class KernelSession
{
    private readonly ExecutionSession _session;
    private readonly NugetReferences _packages;
    private readonly KernelInterrupt _interrupt;
    private int _submissions;
    // The first submission (Roslyn's start, the framework references, the kernel helpers) compiles while the front
    // end is still connecting, instead of inside the first cell.
    private readonly Task _firstSubmission;

    public KernelSession(string workingDirectory, TextWriter log, KernelInterrupt interrupt)
    {
        Formatter.ResetToDefault();
        // As NotebookExecutor: what the Polyglot kernel sets up for notebook front ends.
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        FormatterDisplays.Install();
        _session = new ExecutionSession(Path.Combine(workingDirectory, "notebook"));
        _packages = new NugetReferences(_session, log);
        _interrupt = interrupt;
        _firstSubmission = Task.Run(() => _session.Run("", ++_submissions));
    }

    private int _warmUpStarted;

    /// <summary>
    /// Starts compiling a throwaway script in the background (<see cref="CompilerWarmUp"/>), once. The kernel calls it
    /// after answering the front end's first request, so the warm-up does not delay that answer.
    /// </summary>
    public void StartWarmUp()
    {
        if (Interlocked.Exchange(ref _warmUpStarted, 1) == 0)
            Task.Run(() => CompilerWarmUp.Compile(_session.Options));
    }

    /// <summary>The script state for completion and inspection (an empty first submission if no cell ran yet).</summary>
    public Microsoft.CodeAnalysis.Scripting.ScriptState<object> State
    {
        get
        {
            _firstSubmission.Wait();
            return _session.State!;
        }
    }

    /// <summary>Runs a cell; its outputs go through <see cref="CellOutputs"/> (and so to iopub). Returns its error, if any.</summary>
    public CellError? Execute(string code, int executionCount)
    {
        _firstSubmission.Wait();
        CellOutputs.BeginCell();
        var error = Run(code, executionCount);
        if (error is not null) CellOutputs.AddError(error.Ename, error.Evalue, error.Traceback);
        return error;
    }

    private CellError? Run(string code, int executionCount)
    {
        var number = ++_submissions;
        var prepared = CellDirectives.Prepare(code);
        if (prepared.UnsupportedMagic is var (magic, line))
        {
            var message = CellDirectives.UnsupportedMagicMessage(executionCount, magic, line);
            return new CellError("UnsupportedMagicCommand", message, [message]);
        }
        var wallClock = System.Diagnostics.Stopwatch.StartNew();
        if (prepared.Packages.Count > 0 || prepared.Sources.Count > 0)
        {
            if (_packages.Add(prepared.Packages, prepared.Sources) is { } restoreError) return restoreError;
        }
        CellOutcome? outcome;
        try
        {
            var instrumented = InterruptCheck.Instrument(prepared.Code);
            if (!InterruptibleCell.TryRun(() => _session.Run(instrumented, number), _interrupt, out outcome))
                return Interrupted;
        }
        catch (AggregateException e)
        {
            return CellErrorFormatter.FromException(e.InnerException ?? e);
        }
        if (outcome!.Error is not null) return outcome.Error;
        try
        {
            if (outcome.HasReturnValue) CellOutputs.AddExecuteResult(outcome.ReturnValue, executionCount);
        }
        catch (Exception e)
        {
            return CellErrorFormatter.FromException(e);
        }
        // As `run`: Polyglot's #!time line after the cell's outputs, when the cell succeeds.
        if (prepared.Timed)
            CellOutputs.AddDisplayData(new JsonObject { ["text/plain"] = NotebookCell.SplitLines($"Wall time: {wallClock.Elapsed.TotalMilliseconds}ms") });
        return null;
    }

    private static CellError Interrupted { get; } = new("KernelInterrupted",
        "the cell was interrupted; the kernel keeps the state of the cells before it",
        ["KernelInterrupted: the cell was interrupted; the kernel keeps the state of the cells before it"]);
}
