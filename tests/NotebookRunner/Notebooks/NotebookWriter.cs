using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>
/// Writes a notebook the way Jupyter's nbformat does (sorted keys, 1-space indent, sources as lists of lines,
/// trailing newline). A regular file is replaced atomically (readers see the old notebook or the whole new one);
/// a FIFO or device is written through, never replaced; a symlink is followed, never replaced.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(NotebookDocument notebook, string path)
    {
        foreach (var cell in notebook.Cells)
            if (cell.Json["source"] is JsonValue) cell.Source = cell.Source;
        var bytes = Utf8.GetBytes(SortKeys(notebook.Json)!.ToJsonString(Options) + "\n");
        if (SpecialFile.Is(path))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.Write(bytes);
            return;
        }
        var target = RealPath.Of(path);
        var directory = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(directory);
        WriteTemporaryFiles.RemoveStale(directory, name);
        // A temp file in the same folder makes the final move a rename: readers never see half a notebook.
        var temp = WriteTemporaryFiles.NewPath(directory, name);
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };
}
