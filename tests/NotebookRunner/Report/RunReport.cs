using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookRunner.Running;

namespace NotebookRunner.Report;

/// <summary>The `--report` JSON: one entry per notebook with status, cells, error and final variables.</summary>
public static class RunReport
{
    public static JsonObject Entry(NotebookRunResult result, TextWriter log)
    {
        var variables = VariableExtractor.Extract(result.FinalState, log);
        return new JsonObject
        {
            ["notebook"] = result.InputPath,
            ["output"] = result.OutputPath,
            ["status"] = result.Failed ? "failed" : "ok",
            ["duration"] = result.Duration,
            ["cells"] = new JsonArray(result.Cells.Where(c => c.IsCode).Select(c => (JsonNode?)new JsonObject
            {
                ["index"] = c.Number,
                ["status"] = c.Status switch { CellStatus.Completed => "ok", CellStatus.Failed => "failed", _ => "pending" },
                ["duration"] = c.Duration,
                ["compile_seconds"] = c.Timings.Compile,
                ["run_seconds"] = c.Timings.Run,
                ["format_seconds"] = c.Timings.Format,
            }).ToArray()),
            ["error"] = result.Error is null ? null : new JsonObject
            {
                ["cell"] = result.FailedCell,
                ["ename"] = result.Error.Ename,
                ["evalue"] = result.Error.Evalue,
            },
            ["variables"] = variables.Values,
            ["variables_cut"] = variables.Cut,
        };
    }

    public static void Write(string path, IEnumerable<JsonObject> entries)
    {
        var report = new JsonObject { ["notebooks"] = new JsonArray(entries.Select(e => e.DeepClone()).ToArray()) };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
