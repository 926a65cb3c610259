using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>
/// A session's nbformat outputs of the cell now running. Console writers, display() and the pipeline all append
/// here; writes may come from any thread the cell's code uses, hence the lock. Stream text collects in a
/// <see cref="StreamText"/> and reaches the JSON when the stream ends or is flushed. A display output can be
/// replaced in place later, from any cell, until the outputs are sealed.
/// </summary>
/// <param name="listener">Told about every output as it is made (the kernel publishes them); null when none is.</param>
/// <param name="gate">
/// The lock every change takes. `run` passes the lock it writes the notebook under, so an output added on a cell's
/// thread never meets the notebook half-serialized.
/// </param>
public sealed class CellOutputs(ICellOutputListener? listener = null, object? gate = null)
{
    private readonly object _gate = gate ?? new object();
    private JsonArray _current = new();
    private OpenStream? _stream;
    // Bumped by Seal: a display shown before it belongs to a notebook already written and is never changed again.
    private int _notebook;

    private sealed record OpenStream(string Name, JsonObject Output, StreamText Text);

    private ICellOutputListener? Listener => listener;

    /// <summary>Starts collecting into a new list for a cell and returns it.</summary>
    public JsonArray BeginCell()
    {
        lock (_gate)
        {
            CloseStream();
            return _current = new JsonArray();
        }
    }

    /// <summary>Writes the stream text collected so far into the cell's outputs; later writes still append to it.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_stream is { } open) open.Output["text"] = open.Text.ToJson();
        }
    }

    /// <summary>
    /// Writes out the stream text and detaches the outputs from the notebook, so that threads a cell left
    /// running cannot change it while it is being written. Call before writing the notebook.
    /// </summary>
    public void Seal()
    {
        lock (_gate)
        {
            CloseStream();
            _current = new JsonArray();
            _notebook++;
        }
    }

    /// <summary>
    /// Appends a display_data output with the given mime-type keyed data. Its display id (a new one unless given)
    /// is what a front end matches an update against; the saved notebook does not keep it, as nbformat does not.
    /// </summary>
    public ShownDisplay AddDisplayData(JsonObject data, string? displayId = null)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
        var shown = new ShownDisplay(output, displayId ?? Guid.NewGuid().ToString());
        lock (_gate)
        {
            shown.Notebook = _notebook;
            Add(output, shown.DisplayId);
        }
        return shown;
    }

    /// <summary>
    /// Replaces a display's data where it is, in whichever cell showed it, as nbclient does on update_display_data.
    /// False (nothing changed) once the notebook that display belongs to was sealed.
    /// </summary>
    public bool UpdateDisplayData(ShownDisplay display, JsonObject data)
    {
        lock (_gate)
        {
            if (display.Notebook != _notebook) return false;
            display.Output["data"] = data;
            Listener?.DisplayUpdated(display.Output, display.DisplayId);
            return true;
        }
    }

    public void AddExecuteResult(object? value, int executionCount)
    {
        var output = new JsonObject
        {
            ["output_type"] = "execute_result",
            ["data"] = DataFor(value, []),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
        };
        lock (_gate) Add(output);
    }

    public void AddError(string ename, string evalue, IEnumerable<string> traceback)
    {
        var output = ErrorOutput(ename, evalue, traceback);
        lock (_gate) Add(output);
    }

    /// <summary>An nbformat `error` output, for callers that put it on a cell themselves.</summary>
    public static JsonObject ErrorOutput(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["output_type"] = "error",
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };

    /// <summary>Appends console text; consecutive writes to the same stream merge into one output, as Jupyter does.</summary>
    public void AddStream(string name, string text)
    {
        if (text.Length == 0) return;
        Listener?.StreamWritten(name, text);
        lock (_gate)
        {
            if (_stream is not { } open || open.Name != name || _current.Count == 0 || !ReferenceEquals(_current[^1], open.Output))
            {
                CloseStream();
                var output = new JsonObject
                {
                    ["name"] = name,
                    ["output_type"] = "stream",
                    ["text"] = new JsonArray(),
                };
                _current.Add(output);
                open = _stream = new OpenStream(name, output, new StreamText());
            }
            open.Text.Append(text);
        }
    }

    private void Add(JsonObject output, string? displayId = null)
    {
        CloseStream();
        _current.Add(output);
        Listener?.OutputAdded(output, displayId);
    }

    private void CloseStream()
    {
        if (_stream is not { } open) return;
        open.Output["text"] = open.Text.ToJson();
        _stream = null;
    }

    private static JsonObject DataFor(object? value, string[] mimeTypes)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in FormattedOutput.Format(value, mimeTypes))
            data[mimeType] = mimeType.StartsWith("text/", StringComparison.Ordinal) ? NotebookCell.SplitLines(text) : text;
        return data;
    }
}

/// <summary>A display_data output as shown: the nbformat output and the display id the front end knows it by.</summary>
public sealed class ShownDisplay(JsonObject output, string displayId)
{
    public JsonObject Output { get; } = output;
    public string DisplayId { get; } = displayId;
    internal int Notebook { get; set; }
}
