namespace NotebookRunner.Jupyter;

/// <summary>
/// Runs a cell's code on its own big-stack thread (as `run` does) and stops waiting when the front end interrupts.
/// The session keeps the state of the cells before it, because a submission's state is only kept once it completes.
/// </summary>
public static class InterruptibleCell
{
    private const int StackSize = 16 * 1024 * 1024;
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

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
        // An interrupted cell's loops throw at their next turn (see InterruptCheck); code that loops elsewhere
        // (inside a library) is left running when it has not ended within the grace period.
        if (WaitHandle.WaitAny([done, interrupt.Requested]) == 1)
        {
            done.WaitOne(InterruptGrace);
            result = default;
            return false;
        }
        if (failure is not null) throw new AggregateException(failure);
        result = value;
        return true;
    }
}
