namespace NotebookRunner.Jupyter;

/// <summary>
/// The stop of the shell request now running: interrupt_request on the control channel cancels it, and the next
/// request starts with a fresh one. The running cell obeys it (its loops throw, its restore is killed).
/// </summary>
public sealed class KernelInterrupt
{
    private CancellationTokenSource _source = new();

    public CancellationToken Token => Volatile.Read(ref _source).Token;

    public bool IsRequested => Token.IsCancellationRequested;

    public void Request() => Volatile.Read(ref _source).Cancel();

    public void Reset()
    {
        if (Volatile.Read(ref _source).IsCancellationRequested) Volatile.Write(ref _source, new CancellationTokenSource());
    }
}
