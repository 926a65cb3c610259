using System.CommandLine;
using NotebookRunner.Export;

namespace NotebookRunner.Cli;

/// <summary>`export NOTEBOOK... [-o DIR]`: each notebook as a .NET file-based app, DIR/&lt;stem&gt;.cs (the work is in Export/).</summary>
public sealed class ExportCommand : ISubcommand
{
    public int Order => 5;

    public Command Create()
    {
        var notebooks = new Argument<string[]>("NOTEBOOK") { Description = "The notebooks to export (a folder: its .ipynb files).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("-o", "--output")
        {
            Description = "The folder for the apps and the scripts they include.",
            HelpName = "DIR",
            DefaultValueFactory = _ => NotebookExporter.DefaultOutputDirectory,
        };
        var command = new Command("export", "Write each notebook as a .NET file-based app (dotnet run APP.cs) that prints what the notebook shows.") { notebooks, output };
        command.SetAction(result =>
        {
            try
            {
                var exporter = new NotebookExporter(RunnerSources.Find(), result.GetValue(output)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
                return exporter.Export(NotebookPaths.Expand(result.GetValue(notebooks)!)) ? ExitCodes.Ok : ExitCodes.BadUsage;
            }
            catch (ExportException e)
            {
                result.InvocationConfiguration.Error.WriteLine(e.Message);
                return ExitCodes.BadUsage;
            }
        });
        return command;
    }
}
