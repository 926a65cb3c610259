using System.Text.Json.Nodes;

namespace TestSupport;

/// <summary>nbformat's multiline strings (a cell's source, a stream's text, a mime bundle's value): a string or a list of lines.</summary>
public static class NotebookText
{
    /// <summary>The text joined into one string; "" for a missing node.</summary>
    public static string Of(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
