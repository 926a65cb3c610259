using System.Text;
using NotebookRunner.Jupyter;

namespace NotebookRunner.UnitTests.Jupyter;

/// <summary>The wire framing of the Jupyter protocol: identities, `&lt;IDS|MSG&gt;`, signature, then the four JSON parts.</summary>
public class JupyterMessageTests
{
    private static readonly MessageSigner Signer = new("hmac-sha256", "a key");

    private static JupyterMessage Request() => new(
        [Bytes("client-identity")],
        new JsonObject { ["msg_id"] = "1", ["msg_type"] = "execute_request", ["session"] = "client" },
        new JsonObject(), new JsonObject(), new JsonObject { ["code"] = "6 * 7" });

    [Fact]
    public void frames_are_the_identities_the_delimiter_the_signature_and_the_four_parts()
    {
        var frames = Request().ToFrames(Signer);

        Assert.Equal(7, frames.Count);
        Assert.Equal("client-identity", Text(frames[0]));
        Assert.Equal("<IDS|MSG>", Text(frames[1]));
        Assert.Equal(Signer.Sign(frames.Skip(3).ToList()), Text(frames[2]));
        Assert.Equal("execute_request", (string?)JsonNode.Parse(frames[3])!["msg_type"]);
        Assert.Equal("6 * 7", (string?)JsonNode.Parse(frames[6])!["code"]);
    }

    [Fact]
    public void a_message_read_back_from_its_frames_is_the_same_message()
    {
        var sent = Request();

        var received = JupyterMessage.FromFrames(sent.ToFrames(Signer), Signer);

        Assert.Equal("execute_request", received.Type);
        Assert.Equal(["client-identity"], received.Identities.Select(Text));
        Assert.Equal(sent.Header.ToJsonString(), received.Header.ToJsonString());
        Assert.Equal(sent.Content.ToJsonString(), received.Content.ToJsonString());
    }

    [Fact]
    public void a_message_whose_parts_were_changed_after_signing_is_rejected()
    {
        var frames = Request().ToFrames(Signer);
        frames[6] = Bytes("{\"code\":\"rm -rf /\"}");

        var error = Assert.Throws<InvalidMessageException>(() => JupyterMessage.FromFrames(frames, Signer));
        Assert.Contains("wrong HMAC signature", error.Message);
    }

    [Fact]
    public void frames_without_the_delimiter_or_with_parts_missing_are_rejected()
    {
        var frames = Request().ToFrames(Signer);

        Assert.Throws<InvalidMessageException>(() => JupyterMessage.FromFrames(frames.Where((_, i) => i != 1).ToList(), Signer));
        Assert.Throws<InvalidMessageException>(() => JupyterMessage.FromFrames(frames.Take(6).ToList(), Signer));
    }

    [Fact]
    public void a_reply_goes_back_to_the_requests_identities_with_its_header_as_parent()
    {
        var request = Request();

        var reply = JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "ok" }, request, "kernel-session");

        Assert.Equal("execute_reply", reply.Type);
        Assert.Equal(request.Identities, reply.Identities);
        Assert.Equal(request.Header.ToJsonString(), reply.ParentHeader.ToJsonString());
        Assert.NotSame(request.Header, reply.ParentHeader);
        Assert.Equal("kernel-session", (string?)reply.Header["session"]);
        Assert.Equal(JupyterMessage.ProtocolVersion, (string?)reply.Header["version"]);
        Assert.NotEqual((string?)request.Header["msg_id"], (string?)reply.Header["msg_id"]);
        Assert.True(DateTime.TryParse((string?)reply.Header["date"], out _));
    }

    [Fact]
    public void a_message_with_no_parent_has_an_empty_parent_header_and_no_identities()
    {
        var status = JupyterMessage.Create("status", new JsonObject { ["execution_state"] = "idle" }, null, "kernel-session");

        Assert.Empty(status.ParentHeader);
        Assert.Empty(status.Identities);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
