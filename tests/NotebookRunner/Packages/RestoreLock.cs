namespace NotebookRunner.Packages;

/// <summary>
/// An exclusive lock file per restore folder, so parallel runs of the same package set restore once and never
/// read a half-written assets file.
/// </summary>
public sealed class RestoreLock : IDisposable
{
    private readonly FileStream _stream;

    private RestoreLock(FileStream stream) => _stream = stream;

    public static RestoreLock Acquire(string lockPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new RestoreLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
