using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Jupyter;

/// <summary>One message of the Jupyter protocol, with the ZeroMQ routing identities it came with.</summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader,
    JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";
    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>A new message answering or caused by <paramref name="parent"/> (null: none).</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [],
            new JsonObject
            {
                ["msg_id"] = Guid.NewGuid().ToString(),
                ["session"] = session,
                ["username"] = "kernel",
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["msg_type"] = type,
                ["version"] = ProtocolVersion,
            },
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
            new JsonObject(),
            content);

    public List<byte[]> ToFrames(MessageSigner signer)
    {
        var parts = new[] { Header, ParentHeader, Metadata, Content }.Select(j => Encoding.UTF8.GetBytes(j.ToJsonString())).ToList();
        var frames = new List<byte[]>(Identities) { Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)) };
        frames.AddRange(parts);
        return frames;
    }

    /// <summary>Parses received frames; throws <see cref="InvalidMessageException"/> on a bad signature or shape.</summary>
    public static JupyterMessage FromFrames(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0 || frames.Count < delimiter + 6)
            throw new InvalidMessageException("a message without the <IDS|MSG> delimiter and its five frames");
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = frames.Skip(delimiter + 2).Take(4).ToList();
        if (!signer.Verify(signature, parts))
            throw new InvalidMessageException("a message with a wrong HMAC signature (not signed with the connection file's key)");
        JsonObject Parse(byte[] bytes) => JsonNode.Parse(bytes) as JsonObject ?? new JsonObject();
        return new JupyterMessage(frames.Take(delimiter).ToList(), Parse(parts[0]), Parse(parts[1]), Parse(parts[2]), Parse(parts[3]));
    }
}

/// <summary>A received message the kernel drops: badly signed or malformed.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
