using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GitBot.Workflows.Executors;

/// <summary>
/// The short-lived secret a dispatched runner presents to GitBot: 32 random bytes, base64url. Only its SHA-256 is
/// stored; <see cref="Matches"/> compares in constant time, so the comparison leaks nothing about the stored hash.
/// </summary>
public static class CallbackToken
{
    /// <summary>A new token and the hash to store.</summary>
    public static (string Token, byte[] Sha256) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty));

    /// <summary>True when <paramref name="token"/> hashes to <paramref name="sha256"/>.</summary>
    public static bool Matches(string? token, IReadOnlyList<byte> sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        // Bounded so an absurd header cannot make hashing expensive; GitBot's tokens are 43 characters.
        return token is { Length: > 0 and <= 256 } && CryptographicOperations.FixedTimeEquals(Hash(token), sha256.ToArray());
    }
}
