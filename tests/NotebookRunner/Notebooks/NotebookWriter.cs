using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NotebookRunner.Notebooks;

/// <summary>Writes a notebook the way Jupyter does (1-space indent, trailing newline), atomically.</summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(NotebookDocument notebook, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var text = notebook.Json.ToJsonString(Options) + "\n";
        // A temp file in the same folder makes the final move a rename: readers never see half a notebook.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
