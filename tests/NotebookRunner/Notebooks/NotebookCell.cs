using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>One cell of a notebook: a view over its JSON object, so unknown fields survive a round trip.</summary>
public sealed class NotebookCell(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";

    public bool IsCode => CellType == "code";

    public JsonObject Metadata => Json.GetOrAddObject("metadata");

    /// <summary>The source joined into one string; nbformat allows a string or a list of strings.</summary>
    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
            JsonValue value => value.GetValue<string>(),
            _ => "",
        };
        set => Json["source"] = SplitLines(value);
    }

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>The first non-blank line of the source, for progress and failure lines (any line ending: \n, \r\n or a lone \r).</summary>
    public string FirstLine =>
        Source.Split(['\r', '\n']).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>Jupyter writes multi-line text as a list of lines, each keeping its newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }
}
