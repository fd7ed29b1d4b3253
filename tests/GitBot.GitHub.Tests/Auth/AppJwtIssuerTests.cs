using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitBot.GitHub.Auth;
using Microsoft.Extensions.Time.Testing;

namespace GitBot.GitHub.Tests.Auth;

public sealed class AppJwtIssuerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jwt_is_rs256_with_backdated_iat_short_expiry_and_app_id_as_issuer()
    {
        using var rsa = RSA.Create(2048);
        var time = new FakeTimeProvider(Now);
        using var issuer = new AppJwtIssuer(4242, Import(rsa.ExportRSAPrivateKeyPem()), time);

        var parts = issuer.GetJwt().Split('.');

        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var iat = payload.RootElement.GetProperty("iat").GetInt64();
        var exp = payload.RootElement.GetProperty("exp").GetInt64();
        Assert.Equal(Now.ToUnixTimeSeconds() - 60, iat);
        Assert.Equal(Now.ToUnixTimeSeconds() + 540, exp);
        Assert.True(exp - Now.ToUnixTimeSeconds() <= 600, "GitHub rejects a JWT that expires more than 10 minutes ahead");
        Assert.Equal(4242, payload.RootElement.GetProperty("iss").GetInt64());

        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Jwt_signed_by_another_key_does_not_verify()
    {
        using var rsa = RSA.Create(2048);
        using var other = RSA.Create(2048);
        using var issuer = new AppJwtIssuer(1, Import(rsa.ExportRSAPrivateKeyPem()), new FakeTimeProvider(Now));

        var parts = issuer.GetJwt().Split('.');

        Assert.False(other.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Jwt_is_reused_briefly_and_reminted_before_it_expires()
    {
        using var rsa = RSA.Create(2048);
        var time = new FakeTimeProvider(Now);
        using var issuer = new AppJwtIssuer(7, Import(rsa.ExportRSAPrivateKeyPem()), time);

        var first = issuer.GetJwt();
        time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(first, issuer.GetJwt());

        // 9 minutes after minting the cached JWT has one minute left or less: a new one is minted.
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = issuer.GetJwt();
        Assert.NotEqual(first, second);
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(second.Split('.')[1]));
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds() - 60, payload.RootElement.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void Invalidate_forces_a_new_jwt()
    {
        using var rsa = RSA.Create(2048);
        var time = new FakeTimeProvider(Now);
        using var issuer = new AppJwtIssuer(7, Import(rsa.ExportRSAPrivateKeyPem()), time);
        var first = issuer.GetJwt();
        time.Advance(TimeSpan.FromSeconds(1));

        issuer.Invalidate(first);

        Assert.NotEqual(first, issuer.GetJwt());
    }

    private static RSA Import(string pem)
    {
        Assert.True(GitHubPrivateKeyLoader.TryLoad(pem, out var key, out var problem), problem);
        return key!;
    }
}
