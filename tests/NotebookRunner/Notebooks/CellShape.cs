using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>
/// The cell fields the runner reads must have nbformat's types: `cell_type` a string, `source` a string or a list
/// of strings, `metadata.tags` a list of strings, `metadata.polyglot_notebook.kernelName` a string.
/// </summary>
public static class CellShape
{
    public static void Check(string path, JsonArray cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = (JsonObject)cells[i]!;
            void Fail(string field, JsonNode? value, string expected) => throw new NotebookReadException(
                $"{path}: cell {i + 1}: \"{field}\" is {Describe(value)}, not {expected}; fix the cell's JSON or re-save the notebook");

            if (!IsString(cell["cell_type"])) Fail("cell_type", cell["cell_type"], "a string");
            if (cell["source"] is { } source && !IsString(source) && !IsListOfStrings(source))
                Fail("source", source, "a string or a list of strings");
            if (cell["metadata"] is not JsonObject metadata) continue;
            if (metadata["tags"] is { } tags && !IsListOfStrings(tags)) Fail("metadata.tags", tags, "a list of strings");
            if (metadata["polyglot_notebook"] is JsonObject polyglot && polyglot["kernelName"] is { } kernel && !IsString(kernel))
                Fail("metadata.polyglot_notebook.kernelName", kernel, "a string");
            if (metadata["dotnet_interactive"] is JsonObject interactive && interactive["language"] is { } language && !IsString(language))
                Fail("metadata.dotnet_interactive.language", language, "a string");
        }
    }

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;

    private static bool IsListOfStrings(JsonNode node) => node is JsonArray array && array.All(IsString);

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "missing or null",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => ((JsonArray)node).All(IsString) ? "a list" : "a list holding a non-string",
        _ => node.ToJsonString(),
    };
}
