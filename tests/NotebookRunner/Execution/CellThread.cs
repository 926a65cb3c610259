namespace NotebookRunner.Execution;

/// <summary>
/// Runs a cell on its own thread with a big stack and waits at most the timeout. A cell that overruns
/// (even `while (true) {}`) cannot be cancelled; the caller reports it and ends the process.
/// </summary>
public static class CellThread
{
    private const int StackSize = 16 * 1024 * 1024;

    public static bool TryRun<T>(Func<T> work, TimeSpan? timeout, out T? result)
    {
        T? value = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { value = work(); }
            catch (Exception e) { failure = e; }
        }, StackSize) { IsBackground = true, Name = "notebook cell" };
        thread.Start();
        var finished = timeout is { } limit ? thread.Join(limit) : thread.Join(Timeout.Infinite);
        if (failure is not null) throw new AggregateException(failure);
        result = value;
        return finished;
    }
}
