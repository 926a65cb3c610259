using System.Globalization;
using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Running;

/// <summary>Writes the `metadata.papermill` blocks papermill puts on the notebook and on each cell.</summary>
public static class PapermillMetadata
{
    public static string Version =>
        "notebookrunner-" + (typeof(PapermillMetadata).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    // papermill writes datetime.utcnow().isoformat(): no zone suffix, microseconds.
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static void MarkPending(NotebookCell cell) =>
        cell.Metadata["papermill"] = new JsonObject
        {
            ["duration"] = null,
            ["end_time"] = null,
            ["exception"] = null,
            ["start_time"] = null,
            ["status"] = "pending",
        };

    public static void MarkFinished(NotebookCell cell, DateTime start, DateTime end, bool failed) =>
        cell.Metadata["papermill"] = new JsonObject
        {
            ["duration"] = (end - start).TotalSeconds,
            ["end_time"] = Timestamp(end),
            ["exception"] = failed,
            ["start_time"] = Timestamp(start),
            ["status"] = failed ? "failed" : "completed",
        };

    public static void SetNotebook(NotebookDocument notebook, JsonObject parameters,
        string inputPath, string outputPath, DateTime start, DateTime? end, bool? exception) =>
        notebook.Metadata["papermill"] = new JsonObject
        {
            ["duration"] = end is { } e ? (e - start).TotalSeconds : null,
            ["end_time"] = end is { } f ? Timestamp(f) : null,
            ["environment_variables"] = new JsonObject(),
            ["exception"] = exception,
            ["input_path"] = inputPath,
            ["output_path"] = outputPath,
            ["parameters"] = parameters.DeepClone(),
            ["start_time"] = Timestamp(start),
            ["version"] = Version,
        };
}
