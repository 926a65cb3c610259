using System.Runtime.InteropServices;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs work that only prepares for later on a thread of its own at the lowest scheduling priority (Linux nice 19),
/// so it takes a processor only when nothing else wants one: not a cell, not the kernel's sockets, not a front end on
/// the same machine. Elsewhere, or where the priority cannot be set, it is a plain background thread.
/// </summary>
public static class IdleThread
{
    private const int WhichProcess = 0;  // PRIO_PROCESS
    private const int Lowest = 19;

    public static Task Run(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            LowerThisThread();
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = name }.Start();
        return done.Task;
    }

    /// <summary>
    /// Linux keeps a nice value per thread, and "who" 0 is the calling thread. A thread cannot raise its priority again
    /// without privileges, which is why the work gets a thread of its own rather than a pool thread.
    /// </summary>
    private static void LowerThisThread()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            setpriority(WhichProcess, 0, Lowest);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's setpriority the work runs at normal priority.
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int priority);
}
