using System.Text.Json.Nodes;
using NotebookRunner.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>
/// The nbformat outputs of the cell now running. Console writers, display() and the runner all append here;
/// writes may come from any thread the cell's code uses, hence the lock.
/// </summary>
public static class CellOutputs
{
    private static readonly object Gate = new();
    private static JsonArray _current = new();

    /// <summary>Starts collecting into a new list for a cell and returns it.</summary>
    public static JsonArray BeginCell()
    {
        lock (Gate) return _current = new JsonArray();
    }

    /// <summary>Appends a display_data output with the given mime-type keyed data.</summary>
    public static JsonObject AddDisplayData(JsonObject data)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
        lock (Gate) _current.Add(output);
        return output;
    }

    public static void AddExecuteResult(object? value, int executionCount)
    {
        var output = new JsonObject
        {
            ["output_type"] = "execute_result",
            ["data"] = DataFor(value, []),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
        };
        lock (Gate) _current.Add(output);
    }

    public static void AddError(string ename, string evalue, IEnumerable<string> traceback)
    {
        var output = new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = ename,
            ["evalue"] = evalue,
            ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        };
        lock (Gate) _current.Add(output);
    }

    /// <summary>Appends console text; consecutive writes to the same stream merge into one output, as Jupyter does.</summary>
    public static void AddStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (Gate)
        {
            if (_current.Count > 0 && _current[^1] is JsonObject last
                && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
            {
                var previous = string.Concat(((JsonArray)last["text"]!).Select(t => t!.GetValue<string>()));
                last["text"] = NotebookCell.SplitLines(previous + text);
                return;
            }
            _current.Add(new JsonObject
            {
                ["name"] = name,
                ["output_type"] = "stream",
                ["text"] = NotebookCell.SplitLines(text),
            });
        }
    }

    private static JsonObject DataFor(object? value, string[] mimeTypes)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in FormattedOutput.Format(value, mimeTypes))
            data[mimeType] = mimeType.StartsWith("text/", StringComparison.Ordinal) ? NotebookCell.SplitLines(text) : text;
        return data;
    }
}
