using System.Text.Json.Nodes;

namespace NotebookRunner.Jupyter;

/// <summary>
/// Console.In for the kernel: Console.ReadLine() asks the front end with an input_request on stdin. As ipykernel's
/// _input_request: replies left from an earlier request are dropped first, and a reply of "\x04" (Ctrl-D) is the
/// end of input (ReadLine returns null).
/// </summary>
public sealed class StdinReader(KernelChannels channels, IopubOutputs outputs, KernelInterrupt interrupt) : TextReader
{
    private JupyterMessage? _request;
    private bool _allowed;
    private string _buffer = "";

    /// <summary>The execute_request now running and whether its front end can answer input requests.</summary>
    public void Begin(JupyterMessage request, bool allowStdin)
    {
        _request = request;
        _allowed = allowStdin;
        _buffer = "";
    }

    public override string? ReadLine()
    {
        if (_buffer.Length > 0)
        {
            var line = _buffer.TrimEnd('\n');
            _buffer = "";
            return line;
        }
        return Ask("");
    }

    public override int Read()
    {
        if (_buffer.Length == 0 && Ask("") is { } line) _buffer = line + "\n";
        if (_buffer.Length == 0) return -1;
        var c = _buffer[0];
        _buffer = _buffer[1..];
        return c;
    }

    public override int Peek()
    {
        if (_buffer.Length == 0 && Ask("") is { } line) _buffer = line + "\n";
        return _buffer.Length == 0 ? -1 : _buffer[0];
    }

    /// <summary>The front end's answer, or null for end of input.</summary>
    private string? Ask(string prompt)
    {
        if (_request is null || !_allowed)
            throw new InvalidOperationException("the cell reads Console input, but this front end does not allow stdin (execute_request allow_stdin is false)");
        outputs.Flush();
        while (channels.Receive(channels.Stdin, TimeSpan.Zero) is not null) { }
        channels.Send(channels.Stdin, channels.Reply(_request, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = false }));
        while (!interrupt.IsRequested)
        {
            if (channels.Receive(channels.Stdin, TimeSpan.FromMilliseconds(200)) is { Type: "input_reply" } reply)
            {
                var value = reply.Content["value"]?.GetValue<string>() ?? "";
                return value == "\x04" ? null : value;
            }
        }
        throw new OperationCanceledException("interrupted while waiting for input");
    }
}
