using System.Text.Json;

namespace NotebookRunner.Notebooks;

/// <summary>Finds the first JSON object holding a key twice, and says where: which cell, or the notebook itself.</summary>
public static class DuplicateKeys
{
    /// <summary>"cell N: key 'K'" or "key 'K' in the notebook's top-level data", or null when no key repeats.</summary>
    public static string? Describe(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("cells", out var cells) && cells.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                index++;
                if (First(cell) is { } key) return $"cell {index}: key '{key}'";
            }
        }
        return First(root) is { } top ? $"key '{top}' outside the cells" : null;
    }

    private static string? First(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name)) return property.Name;
                    if (First(property.Value) is { } nested) return nested;
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (First(item) is { } inItem) return inItem;
                return null;
            default:
                return null;
        }
    }
}
