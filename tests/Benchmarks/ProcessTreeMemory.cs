namespace Benchmarks;

/// <summary>
/// Peak resident memory of a whole process tree (a program and every process it starts: a tool host, a package
/// restore), by polling /proc while it runs. /usr/bin/time reports the largest single process only, and a tool such
/// as `dotnet repl` runs its engine in a child of the `dotnet` host.
/// </summary>
public static class ProcessTreeMemory
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs the program to its end; its result and the largest sum of the tree's RSS seen, in MB.</summary>
    public static (ProcessResult Result, double PeakMB) Run(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment = null)
    {
        using var child = ChildProcess.Start(program, arguments, workingDirectory, environment);
        long peak = 0;
        while (!child.HasExited)
        {
            peak = Math.Max(peak, TreeBytes(child.Id));
            Thread.Sleep(PollEvery);
        }
        return (child.WaitForExit(Runner.Limit), peak / (1024.0 * 1024.0));
    }

    /// <summary>RSS of <paramref name="root"/> and its descendants now, in bytes (0 once it is gone).</summary>
    static long TreeBytes(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent) parents[pid] = parent;
        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (tree.Contains(parent) && tree.Add(pid)) grew = true;
        }
        return tree.Sum(ResidentBytes);
    }

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
    static int? ParentOf(int pid)
    {
        var stat = ReadOrNull($"/proc/{pid}/stat");
        if (stat is null) return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[1], out var parent) ? parent : null;
    }

    // /proc/PID/statm: "size resident shared ..." in pages.
    static long ResidentBytes(int pid) =>
        ReadOrNull($"/proc/{pid}/statm") is { } statm && long.TryParse(statm.Split(' ')[1], out var pages) ? pages * Environment.SystemPageSize : 0;

    // A process may exit between listing /proc and reading its files.
    static string ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
