using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NetMQ;
using NotebookRunner.Execution;

namespace NotebookRunner.Jupyter;

/// <summary>
/// The kernel's message loop (Jupyter messaging 5.3): shell requests run one at a time on the main thread,
/// control (interrupt, shutdown) on its own thread so it is heard while a cell runs, heartbeats on a third.
/// </summary>
public sealed class JupyterKernel(KernelChannels channels, TextWriter log)
{
    private readonly KernelInterrupt _interrupt = new();
    private readonly List<(int Line, string Input)> _history = [];
    private KernelSession _session = null!;
    private IopubOutputs _outputs = null!;
    private int _executionCount;

    public void Run()
    {
        _outputs = new IopubOutputs(channels);
        var stdin = new StdinReader(channels, _outputs, _interrupt);
        _session = new KernelSession(Environment.CurrentDirectory, log, _interrupt);
        CellOutputs.Listener = _outputs;
        using var capture = ConsoleCapture.Install();
        Console.SetIn(stdin);

        StartThread("jupyter heartbeat", channels.EchoHeartbeats);
        StartThread("jupyter control", () => Serve(channels.Control, stdin));
        channels.Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        Serve(channels.Shell, stdin);
    }

    private void Serve(NetMQSocket socket, StdinReader stdin)
    {
        while (true)
        {
            if (channels.Receive(socket, TimeSpan.FromSeconds(1)) is not { } request) continue;
            try
            {
                if (socket == channels.Control) HandleControl(request);
                else HandleShell(request, stdin);
            }
            catch (Exception e)
            {
                log.WriteLine($"NotebookRunner kernel: {request.Type} failed: {e}");
            }
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        switch (request.Type)
        {
            case "interrupt_request":
                _interrupt.Request();
                channels.Send(channels.Control, channels.Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
                break;
            case "shutdown_request":
                Shutdown(request, channels.Control);
                break;
            case "kernel_info_request":
                channels.Send(channels.Control, channels.Reply(request, "kernel_info_reply", KernelInfo()));
                break;
            default:
                log.WriteLine($"NotebookRunner kernel: ignored {request.Type} on control");
                break;
        }
    }

    private void HandleShell(JupyterMessage request, StdinReader stdin)
    {
        _interrupt.Reset();
        channels.AwaitIopubSubscriber(TimeSpan.FromSeconds(1));
        channels.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            JsonObject? reply = request.Type switch
            {
                "kernel_info_request" => KernelInfo(),
                "execute_request" => Execute(request, stdin),
                "is_complete_request" => CodeAssistance.IsComplete(Code(request)),
                "complete_request" => CodeAssistance.Complete(_session.State, Code(request), CursorPos(request)),
                "inspect_request" => CodeAssistance.Inspect(_session.State, Code(request), CursorPos(request)),
                "history_request" => History(request),
                "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
                "shutdown_request" => Shutdown(request, channels.Shell),
                "comm_open" => CloseComm(request),
                "comm_msg" or "comm_close" => null,
                _ => Ignored(request),
            };
            if (reply is not null)
                channels.Send(channels.Shell, channels.Reply(request, request.Type.Replace("_request", "_reply"), reply));
        }
        finally
        {
            channels.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            _session.StartWarmUp();
        }
    }

    private JsonObject Execute(JupyterMessage request, StdinReader stdin)
    {
        var code = Code(request);
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = !silent && (request.Content["store_history"]?.GetValue<bool>() ?? true);
        if (storeHistory) _executionCount++;
        var count = Math.Max(_executionCount, 1);
        if (!silent) channels.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        _outputs.Parent = silent ? null : request;
        stdin.Begin(request, request.Content["allow_stdin"]?.GetValue<bool>() ?? false);
        var error = string.IsNullOrWhiteSpace(code) ? null : _session.Execute(code, count);
        _outputs.Flush();
        if (storeHistory) _history.Add((count, code));

        return error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : new JsonObject
            {
                ["status"] = "error", ["execution_count"] = count, ["ename"] = error.Ename, ["evalue"] = error.Evalue,
                ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode?)t).ToArray()),
            };
    }

    /// <summary>
    /// The kernel registers no comm targets, so it closes every comm a front end opens (Jupyter Notebook's widgets
    /// extension opens one on connect), as the messaging spec asks, instead of leaving it half open.
    /// </summary>
    private JsonObject? CloseComm(JupyterMessage request)
    {
        channels.Publish("comm_close", new JsonObject { ["comm_id"] = request.Content["comm_id"]?.GetValue<string>(), ["data"] = new JsonObject() }, request);
        return null;
    }

    private JsonObject? Ignored(JupyterMessage request)
    {
        log.WriteLine($"NotebookRunner kernel: ignored {request.Type}");
        return null;
    }

    private JsonObject History(JupyterMessage request)
    {
        var entries = _history.AsEnumerable();
        if (request.Content["hist_access_type"]?.GetValue<string>() == "tail" && request.Content["n"]?.GetValue<int>() is int n)
            entries = entries.TakeLast(n);
        return new JsonObject
        {
            ["status"] = "ok",
            ["history"] = new JsonArray(entries.Select(e => (JsonNode?)new JsonArray(0, e.Line, e.Input)).ToArray()),
        };
    }

    private JsonObject Shutdown(JupyterMessage request, NetMQSocket socket)
    {
        var content = new JsonObject { ["status"] = "ok", ["restart"] = request.Content["restart"]?.GetValue<bool>() ?? false };
        channels.Send(socket, channels.Reply(request, "shutdown_reply", content));
        channels.Publish("shutdown_reply", (JsonObject)content.DeepClone(), request);
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
        ["help_links"] = new JsonArray(),
    };

    private static string Code(JupyterMessage request) => request.Content["code"]?.GetValue<string>() ?? "";

    private static int CursorPos(JupyterMessage request) => request.Content["cursor_pos"]?.GetValue<int>() ?? Code(request).Length;

    private static void StartThread(string name, Action loop) =>
        new Thread(() => loop()) { IsBackground = true, Name = name }.Start();
}
