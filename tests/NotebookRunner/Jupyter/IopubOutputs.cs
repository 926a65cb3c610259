using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Execution;

namespace NotebookRunner.Jupyter;

/// <summary>
/// Forwards the running cell's outputs to iopub as they are made. Console text is batched (a cell printing a
/// million lines must not send a million messages) and flushed before any other output, so order is kept.
/// </summary>
public sealed class IopubOutputs : ICellOutputListener, IDisposable
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(50);

    private readonly KernelChannels _channels;
    private readonly object _gate = new();
    private readonly Timer _timer;
    private StringBuilder _pending = new();
    private string? _pendingStream;

    public IopubOutputs(KernelChannels channels)
    {
        _channels = channels;
        _timer = new Timer(_ => Flush(), null, FlushEvery, FlushEvery);
    }

    /// <summary>The execute_request whose outputs these are; null while a silent request runs.</summary>
    public JupyterMessage? Parent { get; set; }

    public void StreamWritten(string name, string text)
    {
        lock (_gate)
        {
            if (_pendingStream is not null && _pendingStream != name) FlushLocked();
            _pendingStream = name;
            _pending.Append(text);
        }
    }

    public void OutputAdded(JsonObject output, string? displayId)
    {
        lock (_gate)
        {
            FlushLocked();
            if (Parent is null) return;
            switch (output["output_type"]?.GetValue<string>())
            {
                case "display_data":
                    _channels.Publish("display_data", DisplayContent(output, displayId), Parent);
                    break;
                case "execute_result":
                    _channels.Publish("execute_result", new JsonObject
                    {
                        ["execution_count"] = output["execution_count"]?.DeepClone(), ["data"] = JoinedData(output), ["metadata"] = new JsonObject(),
                    }, Parent);
                    break;
                case "error":
                    _channels.Publish("error", new JsonObject
                    {
                        ["ename"] = output["ename"]?.DeepClone(), ["evalue"] = output["evalue"]?.DeepClone(), ["traceback"] = output["traceback"]?.DeepClone(),
                    }, Parent);
                    break;
            }
        }
    }

    /// <summary>update_display_data: Jupyter front ends replace every output with that display id, in any cell.</summary>
    public void DisplayUpdated(JsonObject output, string displayId)
    {
        lock (_gate)
        {
            FlushLocked();
            if (Parent is null) return;
            _channels.Publish("update_display_data", DisplayContent(output, displayId), Parent);
        }
    }

    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0) return;
        var text = _pending.ToString();
        _pending = new StringBuilder();
        if (Parent is not null)
            _channels.Publish("stream", new JsonObject { ["name"] = _pendingStream, ["text"] = text }, Parent);
    }

    private static JsonObject DisplayContent(JsonObject output, string? displayId)
    {
        var content = new JsonObject { ["data"] = JoinedData(output), ["metadata"] = new JsonObject() };
        if (displayId is not null) content["transient"] = new JsonObject { ["display_id"] = displayId };
        return content;
    }

    /// <summary>nbformat stores text as a list of lines; the protocol sends one string.</summary>
    private static JsonObject JoinedData(JsonObject output)
    {
        var data = new JsonObject();
        if (output["data"] is not JsonObject stored) return data;
        foreach (var (mimeType, value) in stored)
            data[mimeType] = value is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : value?.DeepClone();
        return data;
    }

    public void Dispose() => _timer.Dispose();
}
