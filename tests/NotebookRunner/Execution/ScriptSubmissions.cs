using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Native;

namespace NotebookRunner.Execution;

/// <summary>
/// One notebook's Roslyn script state: the Polyglot helpers' submission runs first (RunAsync), and every cell
/// continues the state of the last one that completed, as in the Polyglot C# kernel.
/// </summary>
public sealed class ScriptSubmissions : IDisposable
{
    // Polyglot asks Roslyn the same way whether a submission ends in an expression with a value.
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    // Compiling apart from running lets the runner report its own overhead (compile) apart from the cell's run time.
    private static readonly MethodInfo? GetExecutorMethod =
        typeof(Script).GetMethod("CommonGetExecutor", BindingFlags.Instance | BindingFlags.NonPublic);

    // The Polyglot C# kernel's first submission (UseKernelHelpers) brings display() and HTML() into scope.
    private const string KernelHelpers = "using static Microsoft.DotNet.Interactive.Kernel;";

    private readonly string _notebookDirectory;
    private readonly string _notebookFileName;
    private readonly SharedReferences _references;
    private readonly SharedSubmissions _shared;
    private readonly AheadCompiler _ahead;
    private IReadOnlyList<(int Number, Func<string?> Code)> _upcoming = [];
    private ScriptOptions _options;
    private ScriptState<object>? _state;
    private Task<ScriptState<object>>? _first;

    public ScriptSubmissions(string notebookPath, SharedCompilation shared)
    {
        var fullPath = Path.GetFullPath(notebookPath);
        _notebookDirectory = Path.GetDirectoryName(fullPath)!;
        _notebookFileName = Path.GetFileName(fullPath);
        _references = shared.References;
        _shared = shared.Submissions;
        _ahead = new AheadCompiler(shared.Submissions);
        // `#load` and `#r` resolve beside the notebook.
        _options = _references.Defaults
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_notebookDirectory))
            .WithMetadataResolver(_references.Resolver(_notebookDirectory));
    }

    /// <summary>Starts the first submission (the Polyglot helpers, Roslyn's own start) on the thread pool.</summary>
    public void StartInBackground() => _first ??= Task.Run(RunFirst);

    /// <summary>The state after the last completed submission, once the first one has run.</summary>
    public ScriptState<object> Started()
    {
        _state ??= FirstState();
        return _state;
    }

    /// <summary>The state after the first submission (the Polyglot helpers), once it has run; the session's is left as it is.</summary>
    public ScriptState<object> FirstState() => (_first ?? Task.Run(RunFirst)).GetAwaiter().GetResult();

    private async Task<ScriptState<object>> RunFirst()
    {
        var options = _options.WithFilePath(CellPath(0));
        var script = _shared.Find(null, KernelHelpers, options) ?? CSharpScript.Create(KernelHelpers, options);
        var state = await script.RunAsync();
        _shared.Offer(script, KernelHelpers, options);
        return state;
    }

    /// <summary>Evaluates an expression against the current state; the state stays as it was.</summary>
    public object? Evaluate(string expression) =>
        Started().ContinueWithAsync(expression, _options.WithFilePath(CellPath(0))).GetAwaiter().GetResult().ReturnValue;

    /// <summary>The options cells compile with (references, imports, resolvers, debug information).</summary>
    public ScriptOptions Options => _options;

    /// <summary>The file name a cell's code compiles under; tracebacks show it with the cell's own line numbers.</summary>
    public string CellPath(int cellNumber) => Path.Combine(_notebookDirectory, $"{_notebookFileName}.cell{cellNumber}.csx");

    public void AddReferences(IEnumerable<string> assemblyPaths) =>
        _options = _options.AddReferences(assemblyPaths.Select(p => _references.FromFile(p)));

    /// <summary>
    /// The cells that will run after the current one, in order, with the code each will run (null: it must wait for
    /// its turn); they compile ahead while the cells before them run (<see cref="AheadCompiler"/>).
    /// </summary>
    public void CompileAhead(IReadOnlyList<(int Number, Func<string?> Code)> cells) => _upcoming = cells;

    public CellOutcome Run(string code, int cellNumber)
    {
        var cellPath = CellPath(cellNumber);
        var clock = Stopwatch.StartNew();
        var compileSeconds = 0.0;
        try
        {
            var previous = Started().Script;
            Script<object> script;
            if (_ahead.Take(cellNumber, code, previous, _options) is { } ahead)
            {
                if (ahead.Error is { } error) throw error;
                script = ahead.Script;
            }
            else
            {
                script = ContinueWith(_shared, previous, code, _options.WithFilePath(cellPath));
                _ahead.Start(script, _options, _upcoming.Where(c => c.Number > cellNumber).Select(c => (c.Number, CellPath(c.Number), c.Code)).ToList());
            }
            // What compiling cost this cell's turn: for a cell compiled ahead, only the wait for the rest of it.
            compileSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            // A cell with nothing to run (the rest of a `#r` cell) does not wait for natives still loading.
            if (!string.IsNullOrWhiteSpace(code)) NativeAssets.Process.WaitForBackgroundLoads();
            _state = script.RunFromAsync(_state!).GetAwaiter().GetResult();
            var hasValue = HasReturnValue(_state.Script);
            return new CellOutcome(hasValue, _state.ReturnValue, null) { CompileSeconds = compileSeconds, RunSeconds = clock.Elapsed.TotalSeconds };
        }
        catch (CompilationErrorException e)
        {
            return new CellOutcome(false, null, CellErrorFormatter.FromCompilation(e, cellPath)) { CompileSeconds = clock.Elapsed.TotalSeconds };
        }
        catch (Exception e)
        {
            return new CellOutcome(false, null, CellErrorFormatter.FromException(e)) { CompileSeconds = compileSeconds, RunSeconds = clock.Elapsed.TotalSeconds };
        }
    }

    /// <summary>
    /// The cell's submission on top of <paramref name="previous"/>, compiled: one another notebook compiled from the same,
    /// or a new one (offered to later notebooks when it can be shared). Throws <see cref="CompilationErrorException"/>.
    /// </summary>
    public static Script<object> ContinueWith(SharedSubmissions shared, Script previous, string code, ScriptOptions options)
    {
        if (shared.Find(previous, code, options) is { } compiled) return compiled;
        var script = previous.ContinueWith(code, options);
        Compile(script);
        shared.Offer(script, code, options);
        return script;
    }

    /// <summary>
    /// Builds the submission's executor (parse, bind, emit, load), which RunFromAsync then reuses; a no-op if Roslyn's
    /// internals change. Throws <see cref="CompilationErrorException"/> for a submission that does not compile.
    /// </summary>
    public static void Compile(Script script)
    {
        CompileOnThisThread(script);
        try
        {
            GetExecutorMethod?.Invoke(script, [CancellationToken.None]);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
    }

    public void Dispose() => _ahead.Dispose();

    // Where Script keeps the compilation it made (Script.GetCompilation).
    private static readonly FieldInfo? LazyCompilationField =
        typeof(Script).GetField("_lazyCompilation", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>
    /// Roslyn's scripting compiles with ConcurrentBuild, which hands a submission's method bodies to worker tasks and
    /// waits for them: a sampling profile of trivial cells found a cell's thread spinning in that wait for much of
    /// its compile. A cell's own code (one syntax tree, a few methods) is compiled on the calling thread instead; a
    /// submission that `#load`s files keeps the concurrent build. A no-op if Roslyn's internals change.
    /// </summary>
    private static void CompileOnThisThread(Script script)
    {
        if (LazyCompilationField is null) return;
        var compilation = script.GetCompilation();
        if (!compilation.Options.ConcurrentBuild || compilation.SyntaxTrees.Skip(1).Any()) return;
        LazyCompilationField.SetValue(script, compilation.WithOptions(compilation.Options.WithConcurrentBuild(false)));
    }

    private static bool HasReturnValue(Script script) =>
        HasReturnValueMethod is not null && (bool)HasReturnValueMethod.Invoke(script, null)!;
}
