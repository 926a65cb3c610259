using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

namespace NotebookRunner.Cli;

/// <summary>`describe NOTEBOOK`: one line per parameter, `name  type  default`, in declaration order.</summary>
public static class DescribeCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        if (args.Count != 1) throw new UsageException("describe takes one notebook: describe NOTEBOOK");
        var notebook = NotebookReader.Read(args[0]);
        var declared = ParameterCellParser.Parse(notebook);
        if (declared.Count == 0)
        {
            stdout.WriteLine($"{args[0]}: no parameters (no code cell tagged 'parameters')");
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
