using System.CommandLine;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

namespace NotebookRunner.Cli;

/// <summary>`describe NOTEBOOK`: one line per parameter, `name  type  default`, in declaration order.</summary>
public sealed class DescribeCommand : ISubcommand
{
    public int Order => 2;

    public Command Create()
    {
        var notebook = new Argument<string>("NOTEBOOK") { Description = "The notebook whose parameters to list." };
        var command = new Command("describe", "List the notebook's parameters: name, type, default.") { notebook };
        command.SetAction(result => Run(result.GetValue(notebook)!, result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string path, TextWriter stdout)
    {
        var notebook = NotebookReader.Read(path);
        var declared = ParameterCellParser.Parse(notebook);
        if (declared.Count == 0)
        {
            stdout.WriteLine($"{path}: no parameters (no code cell tagged 'parameters')");
            return ExitCodes.Ok;
        }
        var nameWidth = Math.Max(4, declared.Max(d => d.Name.Length));
        var typeWidth = Math.Max(4, declared.Max(d => d.Type.Length));
        stdout.WriteLine($"{"name".PadRight(nameWidth)}  {"type".PadRight(typeWidth)}  default");
        foreach (var d in declared)
            stdout.WriteLine($"{d.Name.PadRight(nameWidth)}  {d.Type.PadRight(typeWidth)}  {d.Default}");
        return ExitCodes.Ok;
    }
}
