using System.Diagnostics;
using System.Text;

namespace Conformance.Tests;

public sealed record ChildResult(int ExitCode, string Stdout, string Stderr);

/// <summary>A process whose output is read as it comes (so a full pipe never blocks it) and killed, tree and all, on timeout.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _description;

    private ChildProcess(Process process, string description, Action<string>? onStdoutLine)
    {
        _process = process;
        _description = description;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stdout) _stdout.AppendLine(e.Data);
            onStdoutLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
    }

    public static ChildProcess Start(string fileName, string workingDirectory, IEnumerable<string> args,
        Action<ProcessStartInfo>? configure = null, Action<string>? onStdoutLine = null, bool redirectStdin = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        configure?.Invoke(start);
        var child = new ChildProcess(new Process { StartInfo = start }, $"{fileName} {string.Join(' ', args)}", onStdoutLine);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public StreamWriter Stdin => _process.StandardInput;

    public bool HasExited => _process.HasExited;

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public ChildResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"{_description} did not finish in {timeout.TotalMinutes:0} min");
        }
        _process.WaitForExit();
        lock (_stdout) lock (_stderr) return new ChildResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
