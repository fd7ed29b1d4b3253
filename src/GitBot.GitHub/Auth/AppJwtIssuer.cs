using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GitBot.GitHub.Auth;

/// <summary>
/// Mints the App's RS256 JWT (<c>iss</c> = App ID, <c>iat</c> = now − 60 s against clock drift, <c>exp</c> = iat + 600 s,
/// i.e. 9 minutes after the real now, inside GitHub's 10-minute limit) and reuses it until one minute of validity is
/// left. Thread-safe.
/// </summary>
public sealed class AppJwtIssuer : IDisposable
{
    /// <summary>How far <c>iat</c> is backdated.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    /// <summary><c>exp</c> − <c>iat</c>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(600);

    /// <summary>A cached JWT is replaced once less than this much validity remains.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);

    private readonly RSA _key;
    private readonly long _appId;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (string Jwt, DateTimeOffset ExpiresAt)? _cached;

    /// <param name="key">The App's private key; this issuer owns it from now on.</param>
    public AppJwtIssuer(long appId, RSA key, TimeProvider time)
    {
        _appId = appId;
        _key = key;
        _time = time;
    }

    public long AppId => _appId;

    /// <summary>A JWT valid for at least another minute.</summary>
    public string GetJwt()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_cached is { } cached && cached.ExpiresAt - now > RenewBefore)
            {
                return cached.Jwt;
            }

            var issuedAt = now - Backdate;
            var expiresAt = issuedAt + Lifetime;
            var jwt = Mint(issuedAt, expiresAt);
            _cached = (jwt, expiresAt);
            return jwt;
        }
    }

    /// <summary>Drops the cached JWT (GitHub answered 401), so the next call mints a fresh one.</summary>
    public void Invalidate(string jwt)
    {
        lock (_gate)
        {
            if (_cached is { } cached && cached.Jwt == jwt)
            {
                _cached = null;
            }
        }
    }

    private string Mint(DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        // Hand-written compact JWS: base64url(header).base64url(payload).base64url(RSASSA-PKCS1-v1_5 SHA-256 signature).
        var payload = $"{{\"iat\":{issuedAt.ToUnixTimeSeconds()},\"exp\":{expiresAt.ToUnixTimeSeconds()},\"iss\":{_appId}}}";
        var signingInput = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose() => _key.Dispose();
}
