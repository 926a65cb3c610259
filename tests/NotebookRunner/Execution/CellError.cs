namespace NotebookRunner.Execution;

/// <summary>An nbformat `error` output: exception type, message and traceback lines.</summary>
public sealed record CellError(string Ename, string Evalue, IReadOnlyList<string> Traceback)
{
    /// <summary>The error in one line, for the failure line printed before any detail.</summary>
    public string OneLine
    {
        get
        {
            var lines = Evalue.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var first = lines.Length == 0 ? "" : lines[0].Trim();
            return lines.Length > 1 ? $"{Ename}: {first} (+{lines.Length - 1} more)" : $"{Ename}: {first}";
        }
    }
}
