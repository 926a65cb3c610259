namespace NotebookRunner.Execution;

/// <summary>How a cell's thread ended, as far as the session waited for it.</summary>
public enum CellThreadEnd { Finished, TimedOut, Stopped }

/// <summary>
/// Runs a cell on its own thread with a big stack, and waits until it ends, its timeout passes or its token is
/// cancelled. A cell not finished by then has its token cancelled: its loops throw at their next turn
/// (<see cref="InterruptCheck"/>) and its package restore is killed. Code looping elsewhere (inside a library) cannot
/// be stopped; after a short grace it is left running on its background thread.
/// </summary>
public static class CellThread
{
    private const int StackSize = 16 * 1024 * 1024;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    public static CellThreadEnd Run<T>(Func<T> work, TimeSpan? timeout, CancellationTokenSource cell, out T? result)
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
        var signalled = WaitHandle.WaitAny([done, cell.Token.WaitHandle], timeout ?? Timeout.InfiniteTimeSpan);
        if (signalled != 0)
        {
            cell.Cancel();
            done.WaitOne(StopGrace);
            result = default;
            return signalled == 1 ? CellThreadEnd.Stopped : CellThreadEnd.TimedOut;
        }
        if (failure is not null) throw new AggregateException(failure);
        result = value;
        return CellThreadEnd.Finished;
    }
}
