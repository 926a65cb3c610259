namespace Notebooks.Tests;

/// A committed notebook's stored text outputs against those of a fresh execution, code cell by code cell.
public static class StoredOutputs
{
    /// Null when every stored text output matches the fresh one (numbers within NumericText's tolerance);
    /// otherwise a sentence naming the first cell that differs.
    public static string? Difference(string name, JsonObject stored, JsonObject fresh)
    {
        var storedTexts = CodeCellTexts(stored);
        var freshTexts = CodeCellTexts(fresh);
        if (!storedTexts.Any(t => t.Length > 0)) return $"{name} carries no stored outputs";
        if (storedTexts.Count != freshTexts.Count)
            return $"{name}: {storedTexts.Count} code cells stored, {freshTexts.Count} in the fresh run";
        for (var i = 0; i < storedTexts.Count; i++)
        {
            var difference = NumericText.Difference(storedTexts[i], freshTexts[i]);
            if (difference is not null)
                return $"{name}, code cell {i + 1}: {difference}; stored output\n{storedTexts[i]}\n fresh run\n{freshTexts[i]}";
        }
        return null;
    }

    public static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static List<string> CodeCellTexts(JsonObject notebook) =>
        notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code" && (string?)c["metadata"]?["tags"]?[0] != "injected-parameters")
            .Select(c => RunnerProcess.OutputText(c!))
            .ToList();
}
