using System.Diagnostics;

namespace Benchmarks;

/// <summary>A finished child process: its exit code, what it printed and its wall-clock seconds.</summary>
public sealed record ChildProcess(int ExitCode, string Stdout, string Stderr, double Seconds)
{
    /// <summary>Starts the program and waits for it; one that cannot start at all gives exit code 127, as a shell would.</summary>
    public static ChildProcess Run(string file, IEnumerable<string> args, string workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new ChildProcess(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed.TotalSeconds);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ChildProcess(127, "", e.Message, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>This, if it exited 0; else throws with what it printed.</summary>
    public ChildProcess EnsureSucceeded(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what}: exit code {ExitCode}\n{Stdout}{Stderr}");
}
