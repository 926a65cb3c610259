using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// Compiles the cells that come next while the current one runs (`run` knows every cell in advance; a kernel does
/// not). Each compiles on top of the one before it, exactly as it will when its turn comes, so Roslyn's work is done by
/// then. It stops before a cell whose compile depends on what running the earlier cells does (a `#r` line, a package
/// restore, a magic command, another language) and after a cell that does not compile. A cell whose turn finds
/// anything changed (another previous state, other references, its code, a `#load`ed file edited since) is compiled
/// again then, as without this.
/// </summary>
public sealed partial class AheadCompiler(SharedSubmissions shared) : IDisposable
{
    private readonly object _gate = new();
    private Dictionary<int, TaskCompletionSource<Entry?>> _entries = [];
    private CancellationTokenSource _stop = new();

    /// <summary>A cell compiled ahead: what it was compiled from, and its script (or the compile error).</summary>
    public sealed record Entry(string Code, Script Previous, ScriptOptions Options, Script<object> Script,
        LoadedFiles LoadedFiles, CompilationErrorException? Error);

    /// <summary>
    /// Starts compiling <paramref name="next"/> (in order, each on top of the last) after <paramref name="previous"/>,
    /// dropping what an earlier start compiled. A cell's code comes from its function, on the compiling thread; null
    /// means the cell must wait for its turn.
    /// </summary>
    public void Start(Script previous, ScriptOptions options, IReadOnlyList<(int Number, string Path, Func<string?> Code)> next)
    {
        CancellationTokenSource stop;
        Dictionary<int, TaskCompletionSource<Entry?>> entries;
        lock (_gate)
        {
            Cancel();
            _stop = stop = new CancellationTokenSource();
            _entries = entries = next.ToDictionary(c => c.Number, _ => new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        if (next.Count == 0) return;
        Task.Run(() =>
        {
            var last = previous;
            try
            {
                foreach (var (number, path, codeOf) in next)
                {
                    if (stop.IsCancellationRequested || codeOf() is not { } code || ReferenceLine().IsMatch(code)) break;
                    var entry = CompileOne(shared, last, options, path, code);
                    entries[number].TrySetResult(entry);
                    if (entry is null || entry.Error is not null) break;
                    last = entry.Script;
                }
            }
            catch (Exception)
            {
                // Whatever went wrong here happens again, and is reported, when the cell compiles in its turn.
            }
            finally
            {
                foreach (var pending in entries.Values) pending.TrySetResult(null);
            }
        });
    }

    /// <summary>
    /// The cell compiled ahead, if it was compiled from this very code, previous script and options and every file it
    /// `#load`s still reads as it did; null when it must compile now. Waits for the compile when it is under way.
    /// </summary>
    public Entry? Take(int number, string code, Script previous, ScriptOptions options)
    {
        TaskCompletionSource<Entry?>? pending;
        lock (_gate) _entries.TryGetValue(number, out pending);
        if (pending?.Task.GetAwaiter().GetResult() is not { } entry) return null;
        var same = entry.Code == code && ReferenceEquals(entry.Previous, previous) && ReferenceEquals(entry.Options, options)
                   && entry.LoadedFiles.Unchanged;
        return same ? entry : null;
    }

    private static Entry? CompileOne(SharedSubmissions shared, Script previous, ScriptOptions options, string path, string code)
    {
        Script<object> script;
        CompilationErrorException? error = null;
        try
        {
            script = ScriptSubmissions.ContinueWith(shared, previous, code, options.WithFilePath(path));
        }
        catch (CompilationErrorException e)
        {
            script = previous.ContinueWith(code, options.WithFilePath(path));
            error = e;
        }
        var compilation = script.GetCompilation();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = ((CSharpSyntaxTree)tree).GetCompilationUnitRoot();
            // A `#r` in a #load'ed file is resolved at compile time like the cell's own; a `#load` that failed may find
            // its file once the cells before have run. Either waits for its turn.
            if (root.GetReferenceDirectives().Count > 0 || (error is not null && root.GetLoadDirectives().Count > 0)) return null;
        }
        return new Entry(code, previous, options, script, LoadedFiles.Of(compilation, path), error);
    }

    private void Cancel()
    {
        _stop.Cancel();
        foreach (var pending in _entries.Values) pending.TrySetResult(null);
    }

    public void Dispose()
    {
        lock (_gate) Cancel();
    }

    [GeneratedRegex(@"^\s*#r\s", RegexOptions.Multiline)]
    private static partial Regex ReferenceLine();
}
