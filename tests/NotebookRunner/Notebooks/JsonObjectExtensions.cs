using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

internal static class JsonObjectExtensions
{
    /// <summary>The object under <paramref name="name"/>, created (and attached) when absent or not an object.</summary>
    public static JsonObject GetOrAddObject(this JsonObject json, string name)
    {
        if (json[name] is JsonObject existing) return existing;
        var created = new JsonObject();
        json[name] = created;
        return created;
    }
}
