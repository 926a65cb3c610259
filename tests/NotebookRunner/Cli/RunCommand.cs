using System.CommandLine;
using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;
using NotebookRunner.Report;
using NotebookRunner.Running;

namespace NotebookRunner.Cli;

/// <summary>
/// `run`: check every output can be written, read and parameterize every notebook (bad input fails before
/// anything runs), then execute.
/// </summary>
public sealed class RunCommand : ISubcommand
{
    public int Order => 1;

    public Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "A notebook or a folder of them (file-name order, a fresh script state each).",
        };
        // A PATH that looks like an option is a mistyped option: say so, rather than "file not found".
        paths.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value.StartsWith('-')) is { } unknown)
                result.AddError($"unknown option '{unknown.Value}'");
        });
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "OUT",
            Description = $"Where the executed copy goes: a file for one notebook, a folder for several [default: {NotebookPaths.DefaultOutputFolder}/].",
        };
        var parameter = new Option<string[]>("--parameter", "-p")
        {
            HelpName = "NAME VALUE",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
            Description = "Set a parameter declared in the cell tagged `parameters` (repeatable); injected in a cell tagged `injected-parameters`.",
        };
        // Arity 2 counts all -p tokens together: an odd count means one -p lacks its value.
        parameter.Validators.Add(result =>
        {
            if (result.Tokens.Count % 2 != 0) result.AddError("-p needs a name and a value: -p NAME VALUE");
        });
        var report = new Option<string>("--report") { HelpName = "FILE", Description = "Write a JSON report: each cell's status and timings, the final variables." };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            HelpName = "SECONDS",
            Description = "Fail a cell that runs longer than this, and end the run.",
            CustomParser = result =>
            {
                var value = TimeoutValue.Parse(result.Tokens[0].Value, out var problem);
                if (problem is not null) result.AddError(problem);
                return value;
            },
        };
        var cwd = new Option<string>("--cwd") { HelpName = "DIR", Description = "Working directory for the cells [default: each notebook's folder]." };
        var inPlace = new Option<bool>("--inplace") { Description = "Write each executed notebook back over its input." };

        var command = new Command("run", "Execute notebooks.") { paths, output, parameter, report, timeout, cwd, inPlace };
        command.SetAction(result =>
        {
            var values = result.GetValue(parameter) ?? [];
            var pairs = Enumerable.Range(0, values.Length / 2).Select(i => (values[2 * i], values[2 * i + 1])).ToList();
            var arguments = new RunArguments(result.GetValue(paths)!, result.GetValue(output), pairs, result.GetValue(report),
                result.GetValue(timeout), result.GetValue(cwd), result.GetValue(inPlace)).Validated();
            return Run(arguments, result.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(RunArguments arguments, TextWriter stderr)
    {
        var paths = NotebookPaths.Expand(arguments.Paths);
        var outputs = NotebookPaths.Outputs(paths, arguments.Output, arguments.InPlace);
        OutputChecks.EnsureWritable(outputs, arguments.InPlace ? "--inplace" : "-o");
        if (arguments.Report is { } reportPath) OutputChecks.EnsureReportWritable(reportPath, paths, outputs);
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
            // A signal stopped the cell; the guard's handler is writing the notebook and ending the process.
            if (guard.EndingEarly) Thread.Sleep(Timeout.Infinite);
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
            // A timed-out cell may still be running on its thread (code looping inside a library cannot be stopped): end the whole run here.
            if (result.TimedOut) return guard.Exit(ExitCodes.CellFailed);
        }
        return guard.Exit(exitCode);
    }

    private static JsonObject ParametersJson(IReadOnlyList<(string Name, object Value)> parameters)
    {
        var json = new JsonObject();
        foreach (var (name, value) in parameters) json[name] = Json(value);
        return json;
    }

    private static JsonNode? Json(object value) => value switch
    {
        char c => JsonValue.Create(c.ToString()),
        Array array => new JsonArray(array.Cast<object>().Select(Json).ToArray()),
        _ => JsonValue.Create(value),
    };
}
