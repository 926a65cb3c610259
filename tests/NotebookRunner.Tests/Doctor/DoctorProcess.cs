namespace NotebookRunner.Tests.Doctor;

/// <summary>Runs a real process (the runner, bash, dotnet-repl) with a private NuGet folder and runner cache.</summary>
public static class DoctorProcess
{
    static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static ProcessResult Doctor(PrivateNuGetFolder folder, params string[] args) =>
        Run("dotnet", [RunnerDll, "doctor", .. args], folder);

    public static ProcessResult Bash(string command, PrivateNuGetFolder folder) => Run("bash", ["-c", command], folder);

    public static ProcessResult Run(string program, IEnumerable<string> args, PrivateNuGetFolder folder, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = folder.Packages,
            ["NOTEBOOK_RUNNER_CACHE"] = folder.RunnerCache,
            // .NET Interactive reuses restores recorded under ~/.packagemanagement whatever NUGET_PACKAGES says.
            ["HOME"] = folder.Home,
            ["DOTNET_NOLOGO"] = "1",
            ["LD_LIBRARY_PATH"] = null,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) variables[key] = value;
        // The test output folder lies inside the repository, so `dotnet repl` finds the tool manifest from here.
        return ChildProcess.Run(program, args, AppContext.BaseDirectory, TimeSpan.FromMinutes(8), variables);
    }

    /// <summary>The doctor's line for one check, e.g. "warn stale libtorch copy: ...".</summary>
    public static string Line(this ProcessResult result, string check) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 5 && l[5..].StartsWith(check + ":", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no '{check}' line in:\n{result.Stdout}\n{result.Stderr}");

    public static string UndoCommand(this ProcessResult result) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("undo: ", StringComparison.Ordinal))?["undo: ".Length..]
        ?? throw new Xunit.Sdk.XunitException($"no undo line in:\n{result.Stdout}");
}
