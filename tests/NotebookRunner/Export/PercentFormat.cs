namespace NotebookRunner.Export;

/// <summary>
/// jupytext's percent format for C#: `// %%` starts a code cell, `// %% [markdown]` a markdown cell whose lines
/// follow as `//` comments, so an app reads as its notebook and the cells can be told apart again.
/// </summary>
public static class PercentFormat
{
    public const string CodeMarker = "// %%";

    public static string Marker(string? kind) => kind is null ? CodeMarker : $"{CodeMarker} [{kind}]";

    /// <summary>Every line of the text as a comment (an empty line as a bare `//`).</summary>
    public static IEnumerable<string> Commented(string text) =>
        Lines(text).Select(line => line.Length == 0 ? "//" : "// " + line);

    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
