using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NotebookRunner.Cli;

/// <summary>The command line: every <see cref="ISubcommand"/> under one root; a parse error is one line and exit 2.</summary>
public static class RunnerCommandLine
{
    public const string Description = """
        NotebookRunner: execute C# Polyglot notebooks headlessly, papermill-style.
        Exit codes: 0 all cells ran, 1 a cell failed or timed out, 2 bad usage or unreadable notebook.
        """;

    public static RootCommand Build()
    {
        var root = new RootCommand(Description);
        var subcommands = typeof(ISubcommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISubcommand).IsAssignableFrom(t))
            .Select(t => (ISubcommand)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order);
        foreach (var subcommand in subcommands) root.Subcommands.Add(subcommand.Create());
        root.SetAction(result => new HelpAction().Invoke(result));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["help"]) args = ["--help"]; // `NotebookRunner help` is what people type first
        var parsed = Build().Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            var command = string.Join(' ', Path(parsed.CommandResult.Command));
            var message = parsed.Errors[0].Message.TrimEnd();
            stderr.WriteLine(message.EndsWith('.') ? $"{message} See `{command} --help`." : $"{message}; see `{command} --help`");
            return ExitCodes.BadUsage;
        }
        // Exceptions reach Program.cs, which maps each kind of bad input to its one line and exit code.
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static IEnumerable<string> Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
            names.Insert(0, c.Name);
        return names;
    }
}
