using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>Turns compile diagnostics and runtime exceptions into nbformat errors with the cell's own line numbers.</summary>
public static class CellErrorFormatter
{
    public const string CompilationErrorName = "CompilationErrorException";

    public static CellError FromCompilation(CompilationErrorException exception, string cellPath)
    {
        var lines = exception.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Describe(d, cellPath))
            .ToList();
        if (lines.Count == 0) lines.Add(exception.Message);
        return new CellError(CompilationErrorName, string.Join("\n", lines), lines);
    }

    public static CellError FromException(Exception exception)
    {
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var traceback = new List<string> { $"{type}: {exception.Message}" };
        traceback.AddRange(StackLines(exception));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
            traceback.AddRange(StackLines(inner));
        }
        return new CellError(type, exception.Message, traceback);
    }

    public static CellError Timeout(double seconds) =>
        new("System.TimeoutException", $"cell did not finish within the {seconds.ToString(CultureInfo.InvariantCulture)} s timeout (--timeout)",
            [$"System.TimeoutException: cell did not finish within {seconds.ToString(CultureInfo.InvariantCulture)} s"]);

    /// <summary>A cell stopped before it ended (a kernel interrupt); the state of the cells before it is kept.</summary>
    public static CellError Interrupted { get; } = new("Interrupted",
        "the cell was interrupted; the session keeps the state of the cells before it",
        ["Interrupted: the cell was interrupted; the session keeps the state of the cells before it"]);

    // Frames of the runner and of Roslyn's submission plumbing say nothing about the notebook; keep the rest.
    private static IEnumerable<string> StackLines(Exception exception) =>
        (exception.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'))
            .Where(l => !l.Contains(" NotebookRunner.") && !l.Contains("Microsoft.CodeAnalysis.Scripting")
                        && !l.Contains("--- End of stack trace") && !l.Contains("System.Runtime.CompilerServices"));

    private static string Describe(Diagnostic diagnostic, string cellPath)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var where = $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        var file = span.Path is { Length: > 0 } path && path != cellPath ? Path.GetFileName(path) : "";
        return $"{file}{where}: error {diagnostic.Id}: {message}";
    }
}
