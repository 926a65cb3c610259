using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TestSupport;

/// <summary>How a child process ended: its exit code, everything it printed, and its wall time from start to exit.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>This result when the exit code is 0; otherwise throws with <paramref name="what"/> and everything it printed.</summary>
    public ProcessResult EnsureSucceeded(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what}: exit code {ExitCode}\n{Stdout}{Stderr}");

    /// <summary>Everything a failed assertion needs to show: the exit code, then stdout and stderr, each labelled.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// A real child process whose output is read as it comes (so a full pipe never blocks it) and whose wait is always
/// bounded: one that overruns its limit is killed with its whole process tree, and the test fails saying which
/// command it was, the limit, and what it had printed to stderr. A test that hangs therefore fails instead.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int StderrShownOnTimeout = 4000;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly Stopwatch _clock;

    private ChildProcess(Process process, Stopwatch clock, Action<string>? onStdoutLine)
    {
        _process = process;
        _clock = clock;
        _stdoutPump = Pump(process.StandardOutput, _stdout, onStdoutLine);
        _stderrPump = Pump(process.StandardError, _stderr, null);
    }

    /// <summary>The program and its arguments, as the messages of this class show them.</summary>
    public string Command { get; private init; } = "";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed to stdout so far.</summary>
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    /// <summary>What it printed to stderr so far.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Its stdin, when started with <c>writableStdin</c>; otherwise stdin is the test host's.</summary>
    public StreamWriter Stdin => _process.StandardInput;

    /// <summary>
    /// Starts <paramref name="program"/>. <paramref name="environment"/> sets variables (a null value removes one);
    /// <paramref name="configure"/> may change anything else before the start; <paramref name="onStdoutLine"/> sees each
    /// stdout line (without its ending) as it arrives. Throws <see cref="InvalidOperationException"/> naming the program
    /// when it cannot be started at all.
    /// </summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, Action<ProcessStartInfo>? configure = null,
        Action<string>? onStdoutLine = null, bool writableStdin = false)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = writableStdin,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        configure?.Invoke(start);
        var command = string.Join(' ', start.ArgumentList.Prepend(start.FileName));
        Process process;
        var clock = Stopwatch.StartNew();
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command}: no process was started");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{command}: cannot start {start.FileName} ({e.Message}); is it installed?", e);
        }
        return new ChildProcess(process, clock, onStdoutLine) { Command = command };
    }

    /// <summary>
    /// Starts the program, gives it <paramref name="stdin"/> (then end of input) when not null, and waits for it
    /// within <paramref name="limit"/>; see <see cref="WaitForExit"/>.
    /// </summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null, Action<ProcessStartInfo>? configure = null, string? stdin = null)
    {
        using var child = Start(program, arguments, workingDirectory, environment, configure, writableStdin: stdin is not null);
        if (stdin is not null) child.CloseStdin(stdin);
        return child.WaitForExit(limit);
    }

    /// <summary>Writes <paramref name="text"/> to its stdin and closes it, so a read after it sees end of input.</summary>
    public void CloseStdin(string text = "")
    {
        try
        {
            _process.StandardInput.Write(text);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It exited before reading its input; its exit code and output say what happened.
        }
    }

    /// <summary>
    /// Waits until it exits and its output is read to the end. Past <paramref name="limit"/> it is killed with every
    /// process it started, and a <see cref="TimeoutException"/> says so, with its command and its stderr so far.
    /// </summary>
    public ProcessResult WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
            var stderr = Stderr;
            if (stderr.Length > StderrShownOnTimeout) stderr = "..." + stderr[^StderrShownOnTimeout..];
            throw new TimeoutException(
                $"`{Command}` did not exit within {limit.TotalSeconds:0} s, so it and its child processes were killed; stderr so far:\n{stderr}");
        }
        _process.WaitForExit(); // also waits for the end of the redirected output
        Task.WaitAll(_stdoutPump, _stderrPump);
        return new ProcessResult(_process.ExitCode, Stdout, Stderr, _clock.Elapsed);
    }

    /// <summary>Sends a real signal (TERM, INT, ...) with the shell's `kill`: sh is on every machine, procps may not be.</summary>
    public void Signal(string name)
    {
        var kill = Run("sh", ["-c", $"kill -{name} {_process.Id}"], Environment.CurrentDirectory, TimeSpan.FromSeconds(30));
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {_process.Id} failed: {kill.Stderr}");
    }

    /// <summary>Kills it and every process it started; nothing when it has already exited.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    /// <summary>Waits for <paramref name="path"/> to appear (a child's sign that it reached a point), within a limit.</summary>
    public static void WaitForFile(string path, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"{path} did not appear within {limit.TotalSeconds:0} s");
            Thread.Sleep(100);
        }
    }

    // Keeps the output exactly as written (line endings included) and hands whole lines to the listener as they come.
    private static Task Pump(StreamReader reader, StringBuilder text, Action<string>? onLine) => Task.Run(async () =>
    {
        var buffer = new char[8192];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (text) text.Append(buffer, 0, read);
            if (onLine is null) continue;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n') { line.Append(buffer[i]); continue; }
                onLine(line.ToString().TrimEnd('\r'));
                line.Clear();
            }
        }
        if (onLine is not null && line.Length > 0) onLine(line.ToString().TrimEnd('\r'));
    });
}
