using System.Diagnostics;

namespace NotebookRunner.Tests.Doctor;

/// <summary>Runs a real process (the runner, bash, dotnet-repl) with a private NuGet folder and runner cache.</summary>
public static class DoctorProcess
{
    static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    public static RunResult Doctor(PrivateNuGetFolder folder, params string[] args) =>
        Run("dotnet", [RunnerDll, "doctor", .. args], folder);

    public static RunResult Bash(string command, PrivateNuGetFolder folder) => Run("bash", ["-c", command], folder);

    public static RunResult Run(string program, IEnumerable<string> args, PrivateNuGetFolder folder, IDictionary<string, string>? environment = null)
    {
        // The test output folder lies inside the repository, so `dotnet repl` finds the tool manifest from here.
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NUGET_PACKAGES"] = folder.Packages;
        start.Environment["NOTEBOOK_RUNNER_CACHE"] = folder.RunnerCache;
        // .NET Interactive reuses restores recorded under ~/.packagemanagement whatever NUGET_PACKAGES says.
        start.Environment["HOME"] = folder.Home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("LD_LIBRARY_PATH");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 8 minutes");
        }
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The doctor's line for one check, e.g. "warn stale libtorch copy: ...".</summary>
    public static string Line(this RunResult result, string check) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 5 && l[5..].StartsWith(check + ":", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no '{check}' line in:\n{result.Stdout}\n{result.Stderr}");

    public static string UndoCommand(this RunResult result) =>
        result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("undo: ", StringComparison.Ordinal))?["undo: ".Length..]
        ?? throw new Xunit.Sdk.XunitException($"no undo line in:\n{result.Stdout}");
}
