using System.Text.Json.Nodes;

namespace NotebookRunner.Execution;

/// <summary>
/// Sees each output of the running cell as it is made, for a front end that shows outputs live (the Jupyter
/// kernel). `run` has none: it writes the collected outputs when the notebook ends.
/// </summary>
public interface ICellOutputListener
{
    /// <summary>A display_data (with its display id), execute_result or error output was appended.</summary>
    void OutputAdded(JsonObject output, string? displayId);

    /// <summary>A display_data output, maybe of an earlier cell, now shows new data (its "data" was replaced).</summary>
    void DisplayUpdated(JsonObject output, string displayId);

    /// <summary>Console text was written to stdout or stderr.</summary>
    void StreamWritten(string name, string text);
}
