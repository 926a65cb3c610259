using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Execution;

/// <summary>
/// The text of one `stream` output, appended in time proportional to each write (never re-joining what came
/// before). Memory is bounded: it keeps the first <see cref="HeadChars"/> and the last <see cref="TailChars"/>
/// characters' worth of lines and counts the lines dropped between them; a line longer than
/// <see cref="TailChars"/> is cut. The notebook then says what was left out.
/// </summary>
public sealed class StreamText
{
    public const int HeadChars = 1_000_000;
    public const int TailChars = 1_000_000;

    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private readonly StringBuilder _partial = new();
    private long _headChars;
    private long _tailChars;
    private long _omittedLines;
    private long _cutChars;

    public void Append(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            AppendToLine(text.AsSpan(start, end - start));
            if (newline >= 0) EndLine();
            start = end;
        }
    }

    /// <summary>nbformat's list of lines, each keeping its newline, with one line saying what was left out.</summary>
    public JsonArray ToJson()
    {
        var lines = new JsonArray();
        foreach (var line in _head) lines.Add(line);
        if (_omittedLines > 0)
            lines.Add($"[... {_omittedLines.ToString("N0", CultureInfo.InvariantCulture)} lines left out: the runner keeps "
                      + $"the first and the last {HeadChars.ToString("N0", CultureInfo.InvariantCulture)} characters of a stream ...]\n");
        foreach (var line in _tail) lines.Add(line);
        if (_partial.Length > 0) lines.Add(PartialLine(ending: ""));
        return lines;
    }

    private void AppendToLine(ReadOnlySpan<char> text)
    {
        var room = Math.Max(0, TailChars - _partial.Length);
        if (text.Length <= room)
        {
            _partial.Append(text);
            return;
        }
        _partial.Append(text[..room]);
        // Keep the line's own newline so the cut line still ends where the cell ended it.
        var keepsNewline = text[^1] == '\n';
        _cutChars += text.Length - room - (keepsNewline ? 1 : 0);
    }

    private void EndLine()
    {
        var line = PartialLine(ending: "\n");
        _partial.Clear();
        _cutChars = 0;
        if (_omittedLines == 0 && _tail.Count == 0 && _headChars + line.Length <= HeadChars)
        {
            _head.Add(line);
            _headChars += line.Length;
            return;
        }
        _tail.Enqueue(line);
        _tailChars += line.Length;
        while (_tailChars > TailChars && _tail.Count > 1)
        {
            _tailChars -= _tail.Dequeue().Length;
            _omittedLines++;
        }
    }

    private string PartialLine(string ending)
    {
        if (_cutChars == 0) return _partial.ToString();
        var text = _partial.ToString().TrimEnd('\n');
        return $"{text}[... {_cutChars.ToString("N0", CultureInfo.InvariantCulture)} characters of this line left out]{ending}";
    }
}
