using NotebookRunner.Cli;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

// Thin command line: dispatch, and map each kind of bad input to its exit code with one line on stderr.
var stderr = Console.Error;
try
{
    return args switch
    {
        ["run", .. var rest] when rest is ["--help"] or ["-h"] => Help(),
        ["run", .. var rest] => RunCommand.Run(rest, stderr),
        ["describe", .. var rest] => DescribeCommand.Run(rest, Console.Out),
        ["doctor", .. var rest] => DoctorDispatch.Run(rest, Console.Out),
        [] or ["--help"] or ["-h"] or ["help"] => Help(),
        _ => throw new UsageException($"unknown command '{args[0]}'; commands: run, describe, doctor (see --help)"),
    };
}
catch (Exception e) when (e is UsageException or NotebookReadException or ParameterException)
{
    stderr.WriteLine(e.Message);
    return ExitCodes.BadUsage;
}
catch (Exception e)
{
    // A bug in the runner itself, not in a notebook: still one line first, then the detail.
    stderr.WriteLine($"NotebookRunner: internal error: {e.GetType().FullName}: {e.Message}");
    stderr.WriteLine(e);
    return ExitCodes.CellFailed;
}

static int Help()
{
    Console.Out.WriteLine(Usage.Text);
    return ExitCodes.Ok;
}
