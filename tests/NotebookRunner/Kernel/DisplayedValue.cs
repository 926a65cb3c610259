using NotebookRunner.Execution;

namespace Microsoft.DotNet.Interactive;

/// <summary>What `display(...)` returns in Polyglot: a handle on the shown value that can be updated.</summary>
public sealed class DisplayedValue
{
    private readonly string[] _mimeTypes;
    private readonly System.Text.Json.Nodes.JsonObject _output;

    internal DisplayedValue(object? value, string[] mimeTypes, System.Text.Json.Nodes.JsonObject output)
    {
        Value = value;
        _mimeTypes = mimeTypes;
        _output = output;
    }

    public object? Value { get; private set; }

    /// <summary>Replaces the shown output in place (Polyglot updates the same display).</summary>
    public void Update(object? updatedValue)
    {
        Value = updatedValue;
        CellOutputs.ReplaceData(_output, updatedValue, _mimeTypes);
    }
}
