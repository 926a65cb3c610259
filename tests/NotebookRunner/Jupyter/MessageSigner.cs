using System.Security.Cryptography;
using System.Text;

namespace NotebookRunner.Jupyter;

/// <summary>HMAC signatures of Jupyter messages (header, parent header, metadata, content), as hex.</summary>
public sealed class MessageSigner(string scheme, string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public static bool Supports(string scheme) => scheme is "hmac-sha256" or "hmac-sha512" or "hmac-sha1" or "hmac-md5";

    /// <summary>An empty key means the front end turned signing off.</summary>
    public bool Enabled => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled) return "";
        using IncrementalHash hash = scheme switch
        {
            "hmac-sha512" => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, _key),
            "hmac-sha1" => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, _key),
            "hmac-md5" => IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, _key),
            _ => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key),
        };
        foreach (var part in parts) hash.AppendData(part);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool Verify(string signature, IReadOnlyList<byte[]> parts) =>
        !Enabled || CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts)), Encoding.ASCII.GetBytes(signature));
}
