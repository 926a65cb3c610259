using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Running;

/// <summary>
/// Makes every way a `run` can end say why. A signal (SIGTERM, SIGINT, SIGHUP), a cell calling Environment.Exit,
/// or an exception on a thread a cell started (or in a finalizer) each write the notebook as far as it ran with
/// the running cell marked failed, print the failure line and the notebooks not run, and end with a non-zero
/// exit code. A finished run ends the process, whatever threads its cells left running.
/// </summary>
public sealed class RunGuard : IDisposable
{
    private readonly IReadOnlyList<string> _notebooks;
    private readonly TextWriter _stderr;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private Notebook? _current;
    private int _started;
    private bool _ending;

    private sealed class Notebook(NotebookDocument document, string inputPath, string outputPath, CellOutputs outputs)
    {
        public CellOutputs Outputs { get; } = outputs;
        public NotebookDocument Document { get; } = document;
        public string InputPath { get; } = inputPath;
        public string OutputPath { get; } = outputPath;
        public (NotebookCell Cell, int Number, DateTime Start)? LastCell { get; set; }
        public bool Written { get; set; }
    }

    private RunGuard(IReadOnlyList<string> notebooks, TextWriter stderr)
    {
        _notebooks = notebooks;
        _stderr = stderr;
    }

    /// <summary>Held while the notebook's JSON changes between cells and while it is written.</summary>
    public object Sync { get; } = new();

    /// <summary>
    /// True once the run is ending early (a signal, Environment.Exit, a thread's exception): the handler writes the
    /// notebook as far as it ran and ends the process, so the run writes and says nothing more.
    /// </summary>
    public bool EndingEarly
    {
        get { lock (Sync) return _ending; }
    }

    /// <summary>Cancelled when the run is cut short: the running cell stops, and a `dotnet restore` it waits for is killed.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static RunGuard Install(IReadOnlyList<string> notebooks, TextWriter stderr)
    {
        var guard = new RunGuard(notebooks, stderr);
        AppDomain.CurrentDomain.UnhandledException += guard.OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += guard.OnProcessExit;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
        {
            try
            {
                guard._signals.Add(PosixSignalRegistration.Create(signal, guard.OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGHUP has no equivalent on Windows.
            }
        }
        return guard;
    }

    public void NotebookStarted(NotebookDocument document, string inputPath, string outputPath, CellOutputs outputs)
    {
        lock (Sync)
        {
            _current = new Notebook(document, inputPath, outputPath, outputs);
            _started++;
        }
    }

    /// <summary>Call with <see cref="Sync"/> held, with the cell's outputs in place. An early end is put on the last cell started.</summary>
    public void CellStarted(NotebookCell cell, int number, DateTime start)
    {
        if (_current is null) return;
        _current.LastCell = (cell, number, start);
    }

    /// <summary>
    /// Writes the executed notebook, once no thread a cell left behind can change it; nothing once the run is ending
    /// early, whose handler has written the notebook as far as it ran (a signal stops the cell, which then returns here).
    /// </summary>
    public void Write(NotebookDocument document, string path)
    {
        lock (Sync)
        {
            if (_ending) return;
            var current = _current is not null && ReferenceEquals(_current.Document, document) ? _current : null;
            current?.Outputs.Seal();
            NotebookWriter.Write(document, path);
            if (current is not null) current.Written = true;
        }
    }

    /// <summary>
    /// Ends the process with the run's exit code. Threads a cell started may still run (a foreground thread
    /// would otherwise keep the process alive forever); they are not the runner's work. Lists the notebooks
    /// not run when the run stopped early (a timeout).
    /// </summary>
    public int Exit(int exitCode)
    {
        lock (Sync)
        {
            _ending = true;
            _stopping.Cancel();
            ReportNotRun();
        }
        Flush();
        Environment.Exit(exitCode);
        return exitCode;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var signal in _signals) signal.Dispose();
        _signals.Clear();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal.ToString();
        var code = 128 + SignalNumber(context.Signal);
        if (!EndEarly("Interrupted", $"{name} received; the run stopped here (exit code {code})", [$"Interrupted: {name}"]))
            return;
        Environment.Exit(code);
    }

    // Runs on the thread that called Environment.Exit; the process ends when this returns.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        var requested = Environment.ExitCode;
        var message = $"the cell called Environment.Exit({requested}), which ends the process; the run stopped here";
        if (EndEarly("EnvironmentExit", message, [$"EnvironmentExit: {message}"]))
            Environment.ExitCode = ExitCodes.CellFailed;
    }

    // Runs on the thread that threw (a cell's thread, thread-pool continuation of async void, the finalizer
    // thread); the runtime would abort the process (exit 134) when this returns.
    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        var error = e.ExceptionObject is Exception exception
            ? CellErrorFormatter.FromException(exception)
            : new CellError(e.ExceptionObject.GetType().FullName ?? "Exception", e.ExceptionObject.ToString() ?? "", []);
        var evalue = $"{error.Evalue} (unhandled on another thread, in async void or in a finalizer; that ends the process)";
        if (EndEarly(error.Ename, evalue, error.Traceback)) Environment.Exit(ExitCodes.CellFailed);
    }

    /// <summary>Writes the partial notebook and says what happened; false when the run is already ending.</summary>
    private bool EndEarly(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        lock (Sync)
        {
            if (_ending) return false;
            _ending = true;
            _stopping.Cancel();
            var error = new CellError(ename, evalue, traceback);
            try
            {
                if (_current is { Written: false } notebook) WritePartial(notebook, error);
                else Say(_current is null ? "NotebookRunner: " : $"{_current.InputPath}: after the notebook was written: ", error);
            }
            catch (Exception failure)
            {
                _stderr.WriteLine($"NotebookRunner: could not write the partial notebook: {failure.GetType().Name}: {failure.Message}");
            }
            ReportNotRun();
        }
        Flush();
        return true;
    }

    private void WritePartial(Notebook notebook, CellError error)
    {
        notebook.Outputs.Seal();
        var now = DateTime.UtcNow;
        string where;
        if (notebook.LastCell is { } last)
        {
            if (last.Cell.Json["outputs"] is JsonArray outputs) outputs.Add(CellOutputs.ErrorOutput(error.Ename, error.Evalue, error.Traceback));
            PapermillMetadata.MarkFinished(last.Cell, last.Start, now, failed: true);
            where = $"cell {last.Number} ({last.Cell.FirstLine}): ";
        }
        else where = "before any cell ran: ";
        if (notebook.Document.Metadata["papermill"] is JsonObject papermill)
        {
            papermill["end_time"] = PapermillMetadata.Timestamp(now);
            papermill["exception"] = true;
        }
        NotebookWriter.Write(notebook.Document, notebook.OutputPath);
        notebook.Written = true;
        Say($"{notebook.InputPath}: {where}", error);
        _stderr.WriteLine($"    executed notebook written to {notebook.OutputPath}");
    }

    private void Say(string prefix, CellError error)
    {
        _stderr.WriteLine(prefix + error.OneLine);
        foreach (var line in error.Traceback) _stderr.WriteLine("    " + line);
    }

    private void ReportNotRun()
    {
        if (_started < _notebooks.Count)
            _stderr.WriteLine($"not run: {string.Join(", ", _notebooks.Skip(_started))}");
    }

    private void Flush()
    {
        try
        {
            _stderr.Flush();
        }
        catch (IOException)
        {
            // stderr closed: nothing more can be said.
        }
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => 0,
    };
}
