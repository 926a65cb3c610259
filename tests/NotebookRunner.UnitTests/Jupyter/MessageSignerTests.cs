using System.Text;
using NotebookRunner.Jupyter;

namespace NotebookRunner.UnitTests.Jupyter;

/// <summary>Messages are signed as Jupyter's front ends sign them: HMAC over the four JSON parts, as lowercase hex.</summary>
public class MessageSignerTests
{
    // RFC 4231 (SHA-2) and RFC 2202 (SHA-1, MD5) test case 2: key "Jefe", data "what do ya want for nothing?".
    [Theory]
    [InlineData("hmac-sha256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("hmac-sha512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    [InlineData("hmac-sha1", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData("hmac-md5", "750c783e6ab0b503eaa86e310a5db738")]
    public void the_signature_is_the_rfc_hmac_of_the_parts_one_after_another(string scheme, string expected)
    {
        var signer = new MessageSigner(scheme, "Jefe");

        Assert.True(MessageSigner.Supports(scheme));
        Assert.Equal(expected, signer.Sign([Bytes("what do ya "), Bytes("want "), Bytes("for nothing?"), Bytes("")]));
    }

    [Fact]
    public void a_signature_verifies_only_the_parts_it_was_made_from()
    {
        var signer = new MessageSigner("hmac-sha256", "secret");
        byte[][] parts = [Bytes("{\"msg_type\":\"execute_request\"}"), Bytes("{}"), Bytes("{}"), Bytes("{\"code\":\"1\"}")];
        var signature = signer.Sign(parts);

        Assert.True(signer.Verify(signature, parts));
        Assert.False(signer.Verify(signature, [parts[0], parts[1], parts[2], Bytes("{\"code\":\"2\"}")]));
        Assert.False(new MessageSigner("hmac-sha256", "other key").Verify(signature, parts));
        Assert.False(signer.Verify(signature.ToUpperInvariant(), parts));
    }

    [Fact]
    public void an_empty_key_turns_signing_off_as_jupyter_means_it()
    {
        var signer = new MessageSigner("hmac-sha256", "");

        Assert.False(signer.Enabled);
        Assert.Equal("", signer.Sign([Bytes("{}")]));
        Assert.True(signer.Verify("anything", [Bytes("{}")]));
    }

    [Theory]
    [InlineData("hmac-sha384")]
    [InlineData("sha256")]
    [InlineData("")]
    public void a_scheme_outside_the_four_is_not_supported(string scheme) => Assert.False(MessageSigner.Supports(scheme));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
