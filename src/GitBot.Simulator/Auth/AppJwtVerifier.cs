using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitBot.Simulator.Auth;

/// <summary>
/// Checks an App JWT the way GitHub does: RS256 signed by the App's key, <c>iss</c> naming the App,
/// <c>iat</c> not in the future (60 s of clock drift allowed), <c>exp</c> in the future, at most
/// ten minutes ahead and at most ten minutes after <c>iat</c>. Answers with GitHub's own messages.
/// </summary>
internal sealed class AppJwtVerifier
{
    public const string NotDecodable = "A JSON web token could not be decoded";

    private readonly RSA _publicKey;
    private readonly long _appId;

    public AppJwtVerifier(RSA publicKey, long appId)
    {
        _publicKey = publicKey;
        _appId = appId;
    }

    /// <summary>Null when the JWT is valid at <paramref name="now"/>; otherwise GitHub's reason.</summary>
    public string? Check(string jwt, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload)
            || !TryDecode(parts[2], out var signature))
        {
            return NotDecodable;
        }

        try
        {
            using var headerJson = JsonDocument.Parse(header);
            if (!headerJson.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "RS256")
            {
                return NotDecodable;
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!_publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return NotDecodable;
            }

            using var claims = JsonDocument.Parse(payload);
            return CheckClaims(claims.RootElement, now.ToUnixTimeSeconds());
        }
        catch (JsonException)
        {
            return NotDecodable;
        }
    }

    private string? CheckClaims(JsonElement claims, long now)
    {
        var issuer = claims.TryGetProperty("iss", out var iss)
            ? iss.ValueKind == JsonValueKind.Number ? iss.GetRawText() : iss.GetString()
            : null;
        if (issuer != _appId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return "'Issuer' claim ('iss') must be an Integer";
        }

        if (!claims.TryGetProperty("iat", out var iat) || !iat.TryGetInt64(out var issuedAt) || issuedAt > now + 60)
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        }

        if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expires) || expires <= now)
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
        }

        // GitHub documents "no more than 10 minutes into the future"; a token minted for longer is refused too.
        return expires > now + 600 || expires - issuedAt > 600
            ? "'Expiration time' claim ('exp') is too far in the future"
            : null;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
