using System.Text.Json;

namespace NotebookRunner.Jupyter;

/// <summary>A Jupyter connection file: where the five sockets listen and how messages are signed.</summary>
public sealed record ConnectionFile(string Transport, string Ip, int ShellPort, int ControlPort, int IopubPort,
    int StdinPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Reads and checks the file; anything wrong is one <see cref="KernelStartException"/> line.</summary>
    public static ConnectionFile Read(string path)
    {
        if (!File.Exists(path))
            throw new KernelStartException($"{path}: connection file not found; Jupyter passes it as `kernel {{connection_file}}`");
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new KernelStartException($"{path}: not a JSON connection file ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new KernelStartException($"{path}: not a JSON connection file (expected an object)");

        string Text(string name, string? fallback = null) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!
            : fallback ?? throw new KernelStartException($"{path}: connection file lacks \"{name}\"");
        int Port(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is > 0 and < 65536 ? port
            : throw new KernelStartException($"{path}: connection file needs \"{name}\" as a port number");

        var scheme = Text("signature_scheme", "hmac-sha256");
        if (!MessageSigner.Supports(scheme))
            throw new KernelStartException($"{path}: signature_scheme \"{scheme}\" is not supported; use hmac-sha256");
        return new ConnectionFile(Text("transport", "tcp"), Text("ip", "127.0.0.1"), Port("shell_port"), Port("control_port"),
            Port("iopub_port"), Port("stdin_port"), Port("hb_port"), Text("key", ""), scheme);
    }
}
