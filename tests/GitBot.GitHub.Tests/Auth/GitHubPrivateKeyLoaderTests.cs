using System.Security.Cryptography;
using GitBot.GitHub.Auth;
using GitBot.Testing;

namespace GitBot.GitHub.Tests.Auth;

public sealed class GitHubPrivateKeyLoaderTests
{
    [Fact]
    public void Loads_pkcs1_rsa_private_key_as_github_hands_it_out()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", pem, StringComparison.Ordinal);

        Assert.True(GitHubPrivateKeyLoader.TryLoad(pem, out var key, out var problem), problem);
        using (key)
        {
            Assert.Equal(rsa.ExportRSAPublicKeyPem(), key!.ExportRSAPublicKeyPem());
        }
    }

    [Fact]
    public void Loads_pkcs8_private_key()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);

        Assert.True(GitHubPrivateKeyLoader.TryLoad(pem, out var key, out var problem), problem);
        using (key)
        {
            Assert.Equal(rsa.ExportRSAPublicKeyPem(), key!.ExportRSAPublicKeyPem());
        }
    }

    [Fact]
    public void Loads_key_from_file_and_from_an_environment_value_with_escaped_newlines()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "app.pem");
        File.WriteAllText(path, pem);

        Assert.True(GitHubPrivateKeyLoader.TryLoad(new GitHubOptions { AppId = 1, PrivateKeyPath = path }, out var fromFile, out var problem), problem);
        Assert.True(GitHubPrivateKeyLoader.TryLoad(new GitHubOptions { AppId = 1, PrivateKey = pem.Replace("\n", "\\n", StringComparison.Ordinal) }, out var fromValue, out problem), problem);
        using (fromFile)
        using (fromValue)
        {
            Assert.Equal(rsa.ExportRSAPublicKeyPem(), fromFile!.ExportRSAPublicKeyPem());
            Assert.Equal(rsa.ExportRSAPublicKeyPem(), fromValue!.ExportRSAPublicKeyPem());
        }
    }

    [Fact]
    public void Garbage_is_a_problem_message_not_an_exception()
    {
        Assert.False(GitHubPrivateKeyLoader.TryLoad("not a key", out var key, out var problem));
        Assert.Null(key);
        Assert.Contains("not a PEM RSA key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_key_file_is_a_problem_message()
    {
        Assert.False(GitHubPrivateKeyLoader.TryLoad(new GitHubOptions { AppId = 1, PrivateKeyPath = "/nonexistent/app.pem" }, out _, out var problem));
        Assert.Contains("/nonexistent/app.pem", problem, StringComparison.Ordinal);
    }
}
