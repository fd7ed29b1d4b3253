using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitBot.Simulator.Tests.Support;

/// <summary>Signs App JWTs for tests (independently of GitBot's own signer), with any claims a test wants.</summary>
public static class AppJwt
{
    public static string Create(string privateKeyPem, long issuer, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iat = issuedAt.ToUnixTimeSeconds(),
            exp = expiresAt.ToUnixTimeSeconds(),
            iss = issuer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Encode(signature)}";
    }

    /// <summary>A valid JWT for the simulator's App: issued 60 s ago, expiring in 9 minutes.</summary>
    public static string For(GitHubSimulator simulator, DateTimeOffset now) =>
        Create(simulator.App.PrivateKeyPem, simulator.App.Id, now.AddSeconds(-60), now.AddMinutes(9));

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
