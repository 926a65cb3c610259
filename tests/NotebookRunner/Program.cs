using NotebookRunner;
using NotebookRunner.Cli;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

// Thin command line: dispatch, and map each kind of bad input to its exit code with one line on stderr.
var stderr = Console.Error;
try
{
    return RunnerCommandLine.Run(args, Console.Out, stderr);
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
