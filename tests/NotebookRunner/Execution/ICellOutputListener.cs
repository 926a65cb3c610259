using System.Text.Json.Nodes;

namespace NotebookRunner.Execution;

/// <summary>
/// Sees each output of the running cell as it is made, for a front end that shows outputs live (the Jupyter
/// kernel). `run` has none: it writes the collected outputs when the notebook ends.
/// </summary>
public interface ICellOutputListener
{
    /// <summary>A display_data, execute_result or error output was appended.</summary>
    void OutputAdded(JsonObject output);

    /// <summary>Console text was written to stdout or stderr.</summary>
    void StreamWritten(string name, string text);
}
