namespace NotebookRunner.Jupyter;

/// <summary>Set by interrupt_request on the control channel; reset when the next request starts.</summary>
public sealed class KernelInterrupt
{
    private readonly ManualResetEvent _requested = new(false);

    public WaitHandle Requested => _requested;

    public bool IsRequested => _requested.WaitOne(0);

    public void Request()
    {
        InterruptCheck.Request();
        _requested.Set();
    }

    public void Reset()
    {
        _requested.Reset();
        InterruptCheck.Reset();
    }
}
