using System.Security.Cryptography;
using System.Text;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// Verifies <c>X-Hub-Signature-256</c> (<c>sha256=</c> + hex HMAC-SHA256 of the raw body) against the current
/// webhook secret and, during rotation, the previous one. Runs before the body is parsed; compares in constant
/// time with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    private const string Prefix = "sha256=";
    private const int HexLength = 64;
    private readonly byte[][] _keys;

    /// <param name="secrets">Accepted secrets, current first; empty entries are ignored. At least one is required.</param>
    public WebhookSignatureVerifier(IEnumerable<string?> secrets)
    {
        _keys = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s!)).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("at least one webhook secret is required", nameof(secrets));
        }
    }

    /// <summary>Checks a signature header against the raw body.</summary>
    public SignatureCheck Verify(string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.Missing;
        }

        if (signatureHeader.Length != Prefix.Length + HexLength ||
            !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> claimed = stackalloc byte[HexLength / 2];
        if (Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length), claimed, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var match = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, body, actual);
            // Every key is tried even after a match, so timing does not reveal which secret matched.
            match |= CryptographicOperations.FixedTimeEquals(actual, claimed);
        }

        return match ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>Computes the header value GitHub would send for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
