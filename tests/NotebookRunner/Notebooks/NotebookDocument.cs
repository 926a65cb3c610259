using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>An nbformat 4 notebook held as JSON, with typed access to the parts the runner uses.</summary>
public sealed class NotebookDocument(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public JsonArray CellsArray => (JsonArray)Json["cells"]!;

    public IReadOnlyList<NotebookCell> Cells => CellsArray.Select(c => new NotebookCell((JsonObject)c!)).ToList();

    public JsonObject Metadata => Json.GetOrAddObject("metadata");
}
