using System.Diagnostics;
using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace NotebookRunner.Jupyter;

/// <summary>
/// The five sockets of the connection file, bound by <see cref="Listen"/>. Each socket is used under its own lock,
/// because outputs are published from the cell's thread while the shell and control threads answer requests.
/// </summary>
public sealed class KernelChannels : IDisposable
{
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly ConnectionFile _connection;

    public KernelChannels(ConnectionFile connection, TextWriter log)
    {
        _signer = new MessageSigner(connection.SignatureScheme, connection.Key);
        _log = log;
        _connection = connection;
        Session = Guid.NewGuid().ToString();
    }

    /// <summary>Binds the five sockets to the connection file's ports; the front end can connect from then on.</summary>
    public void Listen()
    {
        var connection = _connection;
        try
        {
            Shell.Bind(connection.Address(connection.ShellPort));
            Control.Bind(connection.Address(connection.ControlPort));
            Stdin.Bind(connection.Address(connection.StdinPort));
            Iopub.Bind(connection.Address(connection.IopubPort));
            Heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        }
        catch (NetMQException e)
        {
            Dispose();
            throw new KernelStartException($"cannot listen on the connection file's ports ({e.ErrorCode}: {e.Message})");
        }
    }

    public string Session { get; }
    public RouterSocket Shell { get; } = new();
    public RouterSocket Control { get; } = new();
    public RouterSocket Stdin { get; } = new();
    public XPublisherSocket Iopub { get; } = new();
    public ResponseSocket Heartbeat { get; } = new();

    private volatile bool _iopubReady;

    /// <summary>
    /// Waits, once, until a front end has subscribed to iopub (at most <paramref name="max"/>). ZeroMQ drops what is
    /// published before a subscription reaches the kernel, and jupyter_client counts a kernel as ready only when an
    /// iopub message follows its kernel_info reply within 0.2 s; without the wait the first request's status
    /// messages are lost and the front end asks again 0.2 s later. iopub is an XPUB socket so the kernel sees
    /// subscriptions arrive.
    /// </summary>
    public void AwaitIopubSubscriber(TimeSpan max)
    {
        if (_iopubReady) return;
        var clock = Stopwatch.StartNew();
        while (!_iopubReady && clock.Elapsed < max)
        {
            lock (Iopub)
            {
                while (Iopub.TryReceiveFrameBytes(TimeSpan.Zero, out var frame))
                    if (frame.Length > 0 && frame[0] == 1) _iopubReady = true;
            }
            if (!_iopubReady) Thread.Sleep(1);
        }
        _iopubReady = true;
    }

    /// <summary>Waits up to <paramref name="wait"/> for a message; badly signed ones are logged and dropped.</summary>
    public JupyterMessage? Receive(NetMQSocket socket, TimeSpan wait)
    {
        var frames = new List<byte[]>();
        lock (socket)
        {
            if (!socket.TryReceiveMultipartBytes(wait, ref frames)) return null;
        }
        try
        {
            return JupyterMessage.FromFrames(frames, _signer);
        }
        catch (InvalidMessageException e)
        {
            _log.WriteLine($"NotebookRunner kernel: rejected {e.Message}");
            return null;
        }
    }

    public void Send(NetMQSocket socket, JupyterMessage message)
    {
        var frames = message.ToFrames(_signer);
        var outgoing = new NetMQMessage(frames.Select(f => new NetMQFrame(f)));
        lock (socket) socket.SendMultipartMessage(outgoing);
    }

    public JupyterMessage Reply(JupyterMessage request, string type, System.Text.Json.Nodes.JsonObject content) =>
        JupyterMessage.Create(type, content, request, Session);

    /// <summary>Publishes on iopub with the topic Jupyter's kernels use ("kernel.SESSION.TYPE").</summary>
    public void Publish(string type, System.Text.Json.Nodes.JsonObject content, JupyterMessage? parent) =>
        Send(Iopub, JupyterMessage.Create(type, content, parent, Session, [Encoding.UTF8.GetBytes($"kernel.{Session}.{type}")]));

    /// <summary>The connect_reply: the ports the kernel listens on.</summary>
    public System.Text.Json.Nodes.JsonObject Ports() => new()
    {
        ["status"] = "ok",
        ["shell_port"] = _connection.ShellPort,
        ["iopub_port"] = _connection.IopubPort,
        ["stdin_port"] = _connection.StdinPort,
        ["control_port"] = _connection.ControlPort,
        ["hb_port"] = _connection.HeartbeatPort,
    };

    /// <summary>Echoes heartbeats until the process ends.</summary>
    public void EchoHeartbeats()
    {
        while (true)
        {
            var frames = Heartbeat.ReceiveMultipartBytes();
            Heartbeat.SendMultipartBytes(frames);
        }
    }

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { Shell, Control, Stdin, Iopub, Heartbeat })
        {
            socket.Options.Linger = TimeSpan.FromMilliseconds(500);
            socket.Dispose();
        }
    }
}
