using System.Diagnostics;

namespace NotebookRunner.Tests;

/// <summary>
/// The real runner as a child process that a test can feed stdin, give environment variables, signal with
/// `kill`, and wait for with a bound (a runner that hangs fails the test instead of hanging it).
/// </summary>
public sealed class RunnerLaunch : IDisposable
{
    static readonly string RunnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");

    readonly Process process;
    readonly Task<string> stdout;
    readonly Task<string> stderr;

    RunnerLaunch(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    public static RunnerLaunch Start(string workingDirectory, IEnumerable<string> args,
        string stdin = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RunnerDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var launch = new RunnerLaunch(Process.Start(start)!);
        launch.process.StandardInput.Write(stdin);
        launch.process.StandardInput.Close();
        return launch;
    }

    /// <summary>Runs to the end within <paramref name="limit"/>, else kills the runner and throws.</summary>
    public static RunResult Run(string workingDirectory, IEnumerable<string> args, TimeSpan limit,
        string stdin = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        using var launch = Start(workingDirectory, args, stdin, environment);
        return launch.WaitForExit(limit);
    }

    public RunResult WaitForExit(TimeSpan limit)
    {
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"the runner did not exit within {limit.TotalSeconds} s; stderr so far:\n{stderr.Result}");
        }
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Sends a real signal with the shell's `kill` (TERM, INT, ...); sh is on every machine, procps may not be.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("sh", ["-c", $"kill -{name} {process.Id}"])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {process.Id} failed");
    }

    public static void WaitForFile(string path, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"{path} did not appear within {limit.TotalSeconds} s");
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
