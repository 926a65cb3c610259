using System.Runtime.InteropServices;

namespace NotebookRunner.Execution;

/// <summary>
/// Points the process's file descriptor 0 at /dev/null while cells run, so neither a cell reading the raw
/// stream (Console.OpenStandardInput) nor a process it starts can take the runner's own input (a CI job's
/// pipe, a terminal). Console.In is handled by <see cref="ConsoleCapture"/>. Disposing puts the original back.
/// </summary>
public sealed class EmptyStdin : IDisposable
{
    private const int StdinDescriptor = 0;
    private readonly int _saved;

    private EmptyStdin(int saved) => _saved = saved;

    /// <summary>Null where there are no POSIX descriptors (Windows) or /dev/null cannot be opened.</summary>
    public static EmptyStdin? Install()
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Read);
            var saved = Dup(StdinDescriptor);
            if (saved < 0) return null;
            if (Dup2((int)devNull.DangerousGetHandle(), StdinDescriptor) < 0)
            {
                Close(saved);
                return null;
            }
            return new EmptyStdin(saved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Dup2(_saved, StdinDescriptor);
        Close(_saved);
    }

    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int descriptor);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int descriptor, int target);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
