namespace NotebookRunner.Tests;

/// <summary>
/// The real runner as a child process with its stdin given (and closed), so a cell that reads input sees end of
/// input instead of the test host's stdin; a test can give it environment variables and signal it.
/// </summary>
public static class RunnerLaunch
{
    public static ChildProcess Start(string workingDirectory, IEnumerable<string> args,
        string stdin = "", IReadOnlyDictionary<string, string?>? environment = null)
    {
        var runner = ChildProcess.Start("dotnet", [RunnerProcess.RunnerDll, .. args], workingDirectory, environment, writableStdin: true);
        runner.CloseStdin(stdin);
        return runner;
    }

    /// <summary>Runs to the end within <paramref name="limit"/>, else kills the runner and throws.</summary>
    public static ProcessResult Run(string workingDirectory, IEnumerable<string> args, TimeSpan limit,
        string stdin = "", IReadOnlyDictionary<string, string?>? environment = null) =>
        ChildProcess.Run("dotnet", [RunnerProcess.RunnerDll, .. args], workingDirectory, limit, environment, stdin: stdin);
}
