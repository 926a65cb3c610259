using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NetMQ;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Jupyter;

/// <summary>
/// The kernel's message loop (Jupyter messaging 5.3), handler for handler as ipykernel's kernelbase.py: shell requests
/// run one at a time on the main thread, control (interrupt, shutdown) on its own thread so it is heard while a cell
/// runs, heartbeats on a third. Cells run in the engine's <see cref="NotebookSession"/>, as in `run`; what they
/// output reaches iopub through <see cref="IopubOutputs"/>.
/// </summary>
public sealed class JupyterKernel
{
    private static readonly JsonArray HelpLinks = new(
        new JsonObject { ["text"] = "C# language", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
        new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" },
        new JsonObject { ["text"] = "TorchSharp", ["url"] = "https://github.com/dotnet/TorchSharp" });

    private readonly KernelChannels _channels;
    private readonly TextWriter _log;
    private readonly KernelInterrupt _interrupt = new();
    private readonly List<(int Line, string Input)> _history = [];
    private readonly NotebookSession _session;
    private readonly IopubOutputs _outputs;
    private readonly StdinReader _stdin;
    private int _executionCount;

    /// <summary>
    /// Creates the session before the sockets listen: Roslyn's start and the compiler warm-up run while the process
    /// binds its ports and the front end connects, so the first cell finds the compiler warm sooner.
    /// </summary>
    public JupyterKernel(KernelChannels channels, TextWriter log)
    {
        _channels = channels;
        _log = log;
        _outputs = new IopubOutputs(channels);
        _stdin = new StdinReader(channels, _outputs, _interrupt);
        _session = new NotebookSession(new SessionSettings(Path.Combine(Environment.CurrentDirectory, "notebook"), log, _stdin)
        {
            Listener = _outputs,
        });
        _session.StartCompilerWarmUp();
    }

    public void Run()
    {
        _channels.Listen();
        StartThread("jupyter heartbeat", _channels.EchoHeartbeats);
        StartThread("jupyter control", () => Serve(_channels.Control));
        _channels.Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        Serve(_channels.Shell);
    }

    private void Serve(NetMQSocket socket)
    {
        while (true)
        {
            if (_channels.Receive(socket, TimeSpan.FromSeconds(1)) is not { } request) continue;
            Handle(socket, request, aborting: false);
        }
    }

    private void Handle(NetMQSocket socket, JupyterMessage request, bool aborting)
    {
        try
        {
            if (socket == _channels.Control) HandleControl(request);
            else HandleShell(request, aborting);
        }
        catch (Exception e)
        {
            _log.WriteLine($"NotebookRunner kernel: {request.Type} failed: {e}");
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        switch (request.Type)
        {
            case "interrupt_request":
                _interrupt.Request();
                _channels.Send(_channels.Control, _channels.Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
                break;
            case "shutdown_request":
                Shutdown(request, _channels.Control);
                break;
            case "kernel_info_request":
                _channels.Send(_channels.Control, _channels.Reply(request, "kernel_info_reply", KernelInfo()));
                break;
            default:
                _log.WriteLine($"NotebookRunner kernel: ignored {request.Type} on control");
                break;
        }
    }

    private void HandleShell(JupyterMessage request, bool aborting)
    {
        _interrupt.Reset();
        _channels.AwaitIopubSubscriber(TimeSpan.FromSeconds(1));
        _channels.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        var abortQueue = false;
        List<JupyterMessage> queued = [];
        try
        {
            JsonObject? reply = request.Type switch
            {
                "execute_request" when aborting => new JsonObject { ["status"] = "aborted" },
                "kernel_info_request" => KernelInfo(),
                "execute_request" => Execute(request, out abortQueue),
                "is_complete_request" => CodeAssistance.IsComplete(Code(request)),
                "complete_request" => CodeAssistance.Complete(_session.State, Code(request), CursorPos(request)),
                "inspect_request" => CodeAssistance.Inspect(_session.State, Code(request), CursorPos(request)),
                "history_request" => KernelHistory.Reply(_history, request.Content),
                "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
                "connect_request" => _channels.Ports(),
                "shutdown_request" => Shutdown(request, _channels.Shell),
                "comm_open" => CloseComm(request),
                "comm_msg" or "comm_close" => null,
                _ => Ignored(request),
            };
            // Taken before the reply goes out, so a request the front end sends on seeing the reply is never among them.
            if (abortQueue) queued = WaitingRequests();
            if (reply is not null)
                _channels.Send(_channels.Shell, _channels.Reply(request, request.Type.Replace("_request", "_reply"), reply));
        }
        finally
        {
            _channels.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
        // ipykernel's _abort_queues: after a failed execute_request with stop_on_error (a Run All), the execute requests
        // that were waiting when it failed are answered `aborted` and run nothing; other requests are answered as usual.
        // What arrives after its reply (the next cell the user runs) runs; ipykernel stops aborting only a moment after
        // the reply, so it may also abort a cell sent the instant the error reply arrives.
        foreach (var waiting in queued) Handle(_channels.Shell, waiting, aborting: true);
    }

    /// <summary>The shell requests already waiting, taken before this request's reply is sent (as ipykernel flushes its stream).</summary>
    private List<JupyterMessage> WaitingRequests()
    {
        var waiting = new List<JupyterMessage>();
        while (_channels.Receive(_channels.Shell, TimeSpan.Zero) is { } message) waiting.Add(message);
        return waiting;
    }

    private JsonObject Execute(JupyterMessage request, out bool abortQueue)
    {
        var code = Code(request);
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = !silent && (request.Content["store_history"]?.GetValue<bool>() ?? true);
        var stopOnError = request.Content["stop_on_error"]?.GetValue<bool>() ?? true;
        if (storeHistory) _executionCount++;
        var count = Math.Max(_executionCount, 1);
        if (!silent) _channels.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        _outputs.Parent = silent ? null : request;
        _stdin.Begin(request, request.Content["allow_stdin"]?.GetValue<bool>() ?? false);
        CellError? error = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            _session.Outputs.BeginCell();
            var cell = new NotebookCell(new JsonObject { ["cell_type"] = "code", ["source"] = code, ["metadata"] = new JsonObject() });
            error = _session.Run(cell, count, count, new CellBounds(null, _interrupt.Token)).Error;
        }
        _outputs.Flush();
        if (storeHistory) _history.Add((count, code));
        abortQueue = error is not null && !silent && stopOnError;

        var reply = error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = UserExpressions(request) }
            : new JsonObject
            {
                ["status"] = "error", ["execution_count"] = count, ["ename"] = error.Ename, ["evalue"] = error.Evalue,
                ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode?)t).ToArray()),
                // As ipykernel: after an error the expressions are not evaluated.
                ["user_expressions"] = new JsonObject(),
            };
        reply["payload"] = new JsonArray();
        return reply;
    }

    /// <summary>Each of the request's user_expressions evaluated after the cell, as ipykernel's shell.user_expressions.</summary>
    private JsonObject UserExpressions(JupyterMessage request)
    {
        var results = new JsonObject();
        if (request.Content["user_expressions"] is not JsonObject expressions) return results;
        foreach (var (name, expression) in expressions)
        {
            var (data, error) = _session.Evaluate(expression is JsonValue value && value.TryGetValue<string>(out var text) ? text : "");
            results[name] = error is null
                ? new JsonObject
                {
                    ["status"] = "ok",
                    ["data"] = new JsonObject(data!.Select(d => KeyValuePair.Create(d.MimeType, (JsonNode?)d.Value))),
                    ["metadata"] = new JsonObject(),
                }
                : new JsonObject
                {
                    ["status"] = "error", ["ename"] = error.Ename, ["evalue"] = error.Evalue,
                    ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode?)t).ToArray()),
                };
        }
        return results;
    }

    /// <summary>
    /// The kernel registers no comm targets, so it closes every comm a front end opens (Jupyter Notebook's widgets
    /// extension opens one on connect), as the messaging spec asks, instead of leaving it half open.
    /// </summary>
    private JsonObject? CloseComm(JupyterMessage request)
    {
        _channels.Publish("comm_close", new JsonObject { ["comm_id"] = request.Content["comm_id"]?.GetValue<string>(), ["data"] = new JsonObject() }, request);
        return null;
    }

    private JsonObject? Ignored(JupyterMessage request)
    {
        _log.WriteLine($"NotebookRunner kernel: ignored {request.Type}");
        return null;
    }

    private JsonObject Shutdown(JupyterMessage request, NetMQSocket socket)
    {
        var content = new JsonObject { ["status"] = "ok", ["restart"] = request.Content["restart"]?.GetValue<bool>() ?? false };
        _channels.Send(socket, _channels.Reply(request, "shutdown_reply", content));
        _channels.Publish("shutdown_reply", (JsonObject)content.DeepClone(), request);
        // Let ZeroMQ hand the replies over, then end: a restart is the front end starting a new process. The sockets
        // stay open until the process ends, since the other channels' threads may still be using them.
        Thread.Sleep(50);
        Environment.Exit(0);
        return content;
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "NotebookRunner",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
        },
        ["banner"] = "C# on NotebookRunner (Roslyn scripting, Polyglot formatting)",
        ["help_links"] = HelpLinks.DeepClone(),
    };

    private static string Code(JupyterMessage request) => request.Content["code"]?.GetValue<string>() ?? "";

    private static int CursorPos(JupyterMessage request) => request.Content["cursor_pos"]?.GetValue<int>() ?? Code(request).Length;

    private static void StartThread(string name, Action loop) =>
        new Thread(() => loop()) { IsBackground = true, Name = name }.Start();
}
