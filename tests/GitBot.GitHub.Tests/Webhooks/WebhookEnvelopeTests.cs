using System.Text;
using GitBot.GitHub.Webhooks;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>The ingress's cheap read of <c>action</c>, <c>installation.id</c> and <c>repository.full_name</c>.</summary>
public sealed class WebhookEnvelopeTests
{
    [Fact]
    public void Only_top_level_members_are_read_nested_lookalikes_are_skipped()
    {
        var envelope = Read("""
            {"issue":{"action":"decoy","installation":{"id":1},"repository":{"full_name":"decoy/decoy"}},
             "changes":[{"action":"decoy"},{"repository":{"full_name":"x/y"}}],
             "repository":{"owner":{"full_name":"decoy/owner","id":3},"id":5,"full_name":"octo/repo","name":"repo"},
             "installation":{"account":{"id":77},"id":42,"node_id":"abc"},
             "action":"labeled"}
            """);

        Assert.False(envelope.IsMalformed, envelope.Error);
        Assert.Equal(new WebhookEnvelope("labeled", 42, "octo/repo", null), envelope);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"action\":null,\"installation\":null,\"repository\":null}")]
    [InlineData("{\"installation\":{\"node_id\":\"x\"},\"repository\":{\"id\":1},\"zen\":\"Keep it simple.\"}")]
    public void Absent_or_null_members_come_out_null(string body)
    {
        Assert.Equal(new WebhookEnvelope(null, null, null, null), Read(body));
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        var envelope = Read("{\"action\":\"op\\u0065ned\",\"repository\":{\"full_name\":\"octo\\/r\\u00e9po\"}}");

        Assert.Equal("opened", envelope.Action);
        Assert.Equal("octo/répo", envelope.RepositoryFullName);
    }

    [Fact]
    public void Action_github_adds_later_is_returned_as_sent()
    {
        Assert.Equal("sub_issue_added", Read("{\"action\":\"sub_issue_added\"}").Action);
    }

    [Fact]
    public void Duplicate_members_resolve_to_the_last_like_the_deserializer()
    {
        var envelope = Read("{\"action\":\"opened\",\"installation\":{\"id\":1,\"id\":2},\"action\":\"closed\"}");

        Assert.Equal(new WebhookEnvelope("closed", 2, null, null), envelope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"action\":\"opened\"} x")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("{\"a\":[1,2}")]
    [InlineData("{\"action\":1}")]
    [InlineData("{\"action\":{\"name\":\"opened\"}}")]
    [InlineData("{\"installation\":{\"id\":\"1\"}}")]
    [InlineData("{\"installation\":{\"id\":1.5}}")]
    [InlineData("{\"installation\":[1]}")]
    [InlineData("{\"repository\":{\"full_name\":5}}")]
    [InlineData("{\"repository\":\"octo/repo\"}")]
    [InlineData("{\"zen\":\"late error\",\"nested\":{\"a\":tru}}")]
    public void Malformed_body_or_wrong_member_types_are_reported_not_thrown(string body)
    {
        var envelope = Read(body);

        Assert.True(envelope.IsMalformed);
        Assert.NotEmpty(envelope.Error);
        Assert.Null(envelope.Action);
        Assert.Null(envelope.InstallationId);
        Assert.Null(envelope.RepositoryFullName);
    }

    [Fact]
    public void Invalid_utf8_in_a_read_string_is_reported_not_thrown()
    {
        byte[] body = [.. "{\"repository\":{\"full_name\":\"a"u8, 0xC3, 0x28, .. "\"}}"u8];

        Assert.True(WebhookPayloadParser.ReadEnvelope(body).IsMalformed);
    }

    [Fact]
    public void Reading_the_envelope_allocates_only_the_repository_name()
    {
        // The largest pull_request example: tens of kilobytes of nested objects the reader must skip.
        var body = Enumerable.Range(0, WebhookExamples.Count(PullRequestEvent.EventName))
            .Select(i => WebhookExamples.Utf8(PullRequestEvent.EventName, i))
            .MaxBy(b => b.Length)!;
        var expected = WebhookPayloadParser.ReadEnvelope(body);
        Assert.NotNull(expected.Action);
        Assert.NotNull(expected.RepositoryFullName);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var envelope = WebhookPayloadParser.ReadEnvelope(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, envelope);
        Assert.Same(expected.Action, envelope.Action);
        // One string object: header plus UTF-16 characters; the body itself is never copied or materialized.
        Assert.InRange(allocated, 1, 32 + (2 * envelope.RepositoryFullName!.Length) + 32);
        Assert.True(body.Length > 10_000, "the example should be large enough to make the point");
    }

    private static WebhookEnvelope Read(string body) => WebhookPayloadParser.ReadEnvelope(Encoding.UTF8.GetBytes(body));
}
