namespace NotebookRunner.Jupyter;

/// <summary>
/// Runs a cell's code on its own big-stack thread (as `run` does) and stops waiting when the front end interrupts.
/// .NET cannot abort a thread, so an interrupted cell's thread is left behind; the session keeps the state of the
/// cells before it, because a submission's state is only kept once it completes.
/// </summary>
public static class InterruptibleCell
{
    private const int StackSize = 16 * 1024 * 1024;

    public static bool TryRun<T>(Func<T> work, KernelInterrupt interrupt, out T? result)
    {
        T? value = default;
        Exception? failure = null;
        var done = new ManualResetEvent(false); // not disposed: a left-behind thread may still set it
        var thread = new Thread(() =>
        {
            try { value = work(); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        }, StackSize) { IsBackground = true, Name = "notebook cell" };
        thread.Start();
        if (WaitHandle.WaitAny([done, interrupt.Requested]) != 0 && !done.WaitOne(0))
        {
            result = default;
            return false;
        }
        if (failure is not null) throw new AggregateException(failure);
        result = value;
        return true;
    }
}
