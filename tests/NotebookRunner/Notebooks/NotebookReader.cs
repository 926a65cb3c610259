using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>Reads an nbformat 4 notebook, turning every way it can be unreadable into one clear line.</summary>
public static class NotebookReader
{
    public static NotebookDocument Read(string path)
    {
        if (Directory.Exists(path))
            throw new NotebookReadException($"{path}: is a folder, not a notebook; pass a .ipynb file");
        if (!File.Exists(path))
            throw new NotebookReadException($"{path}: file not found; check the path");

        JsonNode? root;
        var text = File.ReadAllText(path);
        try
        {
            // nbformat forbids duplicate keys; a JsonObject holding one would fail later, far from the cause.
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            if (e.LineNumber is null && DuplicateKeys.Describe(text) is { } duplicate)
                throw new NotebookReadException($"{path}: {duplicate} appears twice; keep one of them and re-save the notebook");
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new NotebookReadException($"{path}: malformed JSON{where}; fix or re-save the notebook ({FirstLine(e.Message)})");
        }

        if (root is not JsonObject json)
            throw new NotebookReadException($"{path}: not a notebook (top level is not a JSON object); pass an nbformat 4 .ipynb file");

        var nbformat = json["nbformat"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (nbformat != 4)
            throw new NotebookReadException(
                $"{path}: nbformat {(nbformat?.ToString() ?? "missing")} is not supported; save it as nbformat 4 (e.g. `jupyter nbconvert --to notebook --nbformat 4`)");
        if (json["cells"] is not JsonArray cells || cells.Any(c => c is not JsonObject))
            throw new NotebookReadException($"{path}: nbformat 4 notebook without a valid \"cells\" list; re-save the notebook");
        CellShape.Check(path, cells);

        return new NotebookDocument(json);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
