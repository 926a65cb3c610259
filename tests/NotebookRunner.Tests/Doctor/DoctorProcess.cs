namespace NotebookRunner.Tests.Doctor;

/// <summary>Runs a real process (the runner, bash, dotnet-repl) with a private NuGet folder and runner cache.</summary>
public static class DoctorProcess
{
    static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static RunResult Doctor(PrivateNuGetFolder folder, params string[] args) =>
        Run("dotnet", [RunnerDll, "doctor", .. args], folder);

    public static RunResult Bash(string command, PrivateNuGetFolder folder) => Run("bash", ["-c", command], folder);

    public static RunResult Run(string program, IEnumerable<string> args, PrivateNuGetFolder folder, IDictionary<string, string>? environment = null) =>
        // The test output folder lies inside the repository, so `dotnet repl` finds the tool manifest from here.
        ChildProcess.Run(program, args, AppContext.BaseDirectory, TimeSpan.FromMinutes(8), variables =>
        {
            variables["NUGET_PACKAGES"] = folder.Packages;
            variables["NOTEBOOK_RUNNER_CACHE"] = folder.RunnerCache;
            // .NET Interactive reuses restores recorded under ~/.packagemanagement whatever NUGET_PACKAGES says.
            variables["HOME"] = folder.Home;
            variables["DOTNET_NOLOGO"] = "1";
            variables.Remove("LD_LIBRARY_PATH");
            foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        });

    /// <summary>The doctor's line for one check, e.g. "warn stale libtorch copy: ...".</summary>
    public static string Line(this RunResult result, string check) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 5 && l[5..].StartsWith(check + ":", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no '{check}' line in:\n{result.Stdout}\n{result.Stderr}");

    public static string UndoCommand(this RunResult result) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("undo: ", StringComparison.Ordinal))?["undo: ".Length..]
        ?? throw new Xunit.Sdk.XunitException($"no undo line in:\n{result.Stdout}");
}
