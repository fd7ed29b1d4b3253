using System.Security.Cryptography;
using System.Text;

namespace GitBot.Simulator.Webhooks;

/// <summary>GitHub's delivery signatures: HMAC-SHA1 (<c>X-Hub-Signature</c>) and HMAC-SHA256 (<c>X-Hub-Signature-256</c>) of the raw body.</summary>
internal static class WebhookSigner
{
    public static string Sha256(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

#pragma warning disable CA5350 // GitHub still sends the legacy SHA-1 signature; receivers must not rely on it.
    public static string Sha1(string secret, byte[] body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
#pragma warning restore CA5350
}
