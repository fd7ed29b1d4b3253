using System.Security.Cryptography;

namespace GitBot.Core.Dashboard.Sessions;

/// <summary>
/// A session id: 32 random bytes, carried in the cookie as unpadded base64url (43 characters), stored only as its
/// SHA-256 (<see cref="Sha256"/>). A stolen database therefore yields no usable cookie.
/// </summary>
public sealed class DashboardSessionId
{
    private const int Bytes = 32;
    private const int EncodedLength = 43;

    private DashboardSessionId(string value)
    {
        Value = value;
        Sha256 = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(value));
    }

    /// <summary>The cookie value. Secret: never log it.</summary>
    public string Value { get; }

    /// <summary>The SHA-256 of <see cref="Value"/>'s ASCII bytes; the database key.</summary>
    public byte[] Sha256 { get; }

    /// <summary>A fresh id from the cryptographic random number generator.</summary>
    public static DashboardSessionId New() => new(Base64Url(RandomNumberGenerator.GetBytes(Bytes)));

    /// <summary>The id a cookie carries, or null when the value cannot be one (wrong length or alphabet).</summary>
    public static DashboardSessionId? Parse(string? cookie)
    {
        if (cookie is null || cookie.Length != EncodedLength)
        {
            return null;
        }

        foreach (var c in cookie)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }

        return new DashboardSessionId(cookie);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
