using GitBot.Core.Text;

namespace GitBot.Core.Tests.Text;

public sealed class SecretScrubberTests
{
    [Theory]
    [InlineData("push failed with ghs_16C7e42F292c6912E7710c838347Ae178B4a in the remote", "ghs_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("aws key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ANTHROPIC_API_KEY=sk-ant-api03-abcdefghijklmnopqrstuvwx", "sk-ant-api03-abcdefghijklmnopqrstuvwx")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz123456", "abcdefghijklmnopqrstuvwxyz123456")]
    [InlineData("cloning https://x-access-token:s3cr3tvalue@github.com/o/r.git", "s3cr3tvalue")]
    [InlineData("DB_PASSWORD = \"hunter2hunter2\"", "hunter2hunter2")]
    [InlineData("webhook_secret: abcdef123456", "abcdef123456")]
    [InlineData("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlc2ln", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlc2ln")]
    public void Known_secret_shapes_are_redacted(string text, string secret)
    {
        var scrubbed = SecretScrubber.Scrub(text);

        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Redacted, scrubbed, StringComparison.Ordinal);
        Assert.True(SecretScrubber.ContainsSecret(text));
    }

    [Fact]
    public void Private_key_blocks_are_removed_whole()
    {
        const string text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nafter";

        var scrubbed = SecretScrubber.Scrub(text);

        Assert.DoesNotContain("MIIEowIBAAKCAQEA", scrubbed, StringComparison.Ordinal);
        Assert.EndsWith("after", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All 42 tests passed in 3.1 s")]
    [InlineData("See https://github.com/octo/repo/pull/7 for details")]
    [InlineData("the token bucket refills every second")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string text)
    {
        Assert.Equal(text, SecretScrubber.Scrub(text));
        Assert.False(SecretScrubber.ContainsSecret(text));
    }
}
