using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;
using NotebookRunner.Report;
using NotebookRunner.Running;

namespace NotebookRunner.Cli;

/// <summary>`run`: read and parameterize every notebook first (bad input fails before anything runs), then execute.</summary>
public static class RunCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stderr)
    {
        var arguments = RunArguments.Parse(args);
        var paths = NotebookPaths.Expand(arguments.Paths);
        var outputs = NotebookPaths.Outputs(paths, arguments.Output, arguments.InPlace);
        var notebooks = paths.Select(NotebookReader.Read).ToList();
        var parameters = paths.Select((p, i) => ParameterInjector.Convert(p, notebooks[i], arguments.Parameters)).ToList();

        using var guard = RunGuard.Install(paths, stderr);
        var executor = new NotebookExecutor(new RunSettings(arguments.Timeout, arguments.WorkingDirectory, stderr) { Guard = guard });
        var entries = new List<JsonObject>();
        var exitCode = ExitCodes.Ok;
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths.Count > 1) stderr.WriteLine($"{paths[i]}");
            var notebook = notebooks[i];
            ParameterInjector.Inject(notebook, parameters[i]);
            var result = executor.Execute(notebook, paths[i], outputs[i], ParametersJson(parameters[i]));
            guard.Write(notebook, outputs[i]);
            if (result.Failed)
            {
                exitCode = ExitCodes.CellFailed;
                stderr.WriteLine(result.FailureLine);
                foreach (var line in result.Error!.Traceback) stderr.WriteLine("    " + line);
                stderr.WriteLine($"    executed notebook written to {outputs[i]}");
            }
            if (arguments.Report is not null)
            {
                entries.Add(RunReport.Entry(result, stderr));
                RunReport.Write(arguments.Report, entries);
            }
            // A timed-out cell is still running on its thread and cannot be stopped: end the whole run here.
            if (result.TimedOut) return guard.Exit(ExitCodes.CellFailed);
        }
        return guard.Exit(exitCode);
    }

    private static JsonObject ParametersJson(IReadOnlyList<(string Name, object Value)> parameters)
    {
        var json = new JsonObject();
        foreach (var (name, value) in parameters)
            json[name] = value is char c ? JsonValue.Create(c.ToString()) : JsonValue.Create(value);
        return json;
    }
}
