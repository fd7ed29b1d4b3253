using System.Text;
using System.Text.Json.Nodes;
using GitBot.GitHub.Webhooks;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>Outcomes other than a clean parse: malformed bodies, unsupported events, tolerated extras.</summary>
public sealed class WebhookPayloadParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"action\":")]
    [InlineData("{\"action\":\"opened\",}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"issues\"")]
    [InlineData("42")]
    [InlineData("{\"action\":\"opened\"} trailing")]
    public void Body_that_is_not_a_json_object_is_reported_malformed(string body)
    {
        var result = WebhookPayloadParser.Parse(IssuesEvent.EventName, Encoding.UTF8.GetBytes(body));

        AssertMalformed(result, IssuesEvent.EventName);
    }

    [Fact]
    public void Truncated_example_is_reported_malformed()
    {
        var body = WebhookExamples.Utf8(PullRequestEvent.EventName, 0);

        var result = WebhookPayloadParser.Parse(PullRequestEvent.EventName, body.AsSpan(0, body.Length / 2));

        AssertMalformed(result, PullRequestEvent.EventName);
    }

    [Fact]
    public void Wrong_json_type_is_reported_malformed_with_its_path()
    {
        var payload = Example(IssuesEvent.EventName);
        payload["issue"]!["number"] = "one";

        var result = Parse(IssuesEvent.EventName, payload);

        AssertMalformed(result, IssuesEvent.EventName);
        Assert.Contains("$.issue.number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_object_github_always_sends_is_reported_malformed()
    {
        var payload = Example(IssueCommentEvent.EventName);
        payload.Remove("comment");

        var result = Parse(IssueCommentEvent.EventName, payload);

        AssertMalformed(result, IssueCommentEvent.EventName);
        Assert.Contains("comment", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_where_github_never_sends_null_is_reported_malformed()
    {
        var payload = Example(CheckRunEvent.EventName);
        payload["check_run"]!["head_sha"] = null;

        var result = Parse(CheckRunEvent.EventName, payload);

        AssertMalformed(result, CheckRunEvent.EventName);
        Assert.Contains("head_sha", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_timestamp_is_reported_malformed()
    {
        var payload = Example(PullRequestReviewEvent.EventName);
        payload["review"]!["submitted_at"] = "yesterday";

        AssertMalformed(Parse(PullRequestReviewEvent.EventName, payload), PullRequestReviewEvent.EventName);
    }

    [Fact]
    public void Invalid_utf8_is_reported_malformed_not_thrown()
    {
        byte[] body = [.. "{\"action\":\"op"u8, 0xC3, 0x28, .. "\"}"u8];

        AssertMalformed(WebhookPayloadParser.Parse(PingEvent.EventName, body), PingEvent.EventName);
    }

    [Theory]
    [InlineData("star")]
    [InlineData("code_scanning_alert")]
    [InlineData("Issues")]
    [InlineData("")]
    public void Event_gitbot_does_not_handle_is_unsupported_without_reading_the_body(string eventName)
    {
        var result = WebhookPayloadParser.Parse(eventName, "{ not even json"u8);

        Assert.Equal(WebhookParseOutcome.Unsupported, result.Outcome);
        Assert.Equal(eventName, result.EventName);
        Assert.False(result.IsParsed);
        Assert.Null(result.Event);
        Assert.Null(result.Error);
        Assert.False(WebhookPayloadParser.IsSupported(eventName));
    }

    [Fact]
    public void Supported_events_are_exactly_the_twelve_gitbot_handles()
    {
        Assert.Equal(
            WebhookExamples.SupportedEvents.Order(StringComparer.Ordinal),
            WebhookPayloadParser.SupportedEvents.Order(StringComparer.Ordinal));
        Assert.All(WebhookExamples.SupportedEvents, e => Assert.True(WebhookPayloadParser.IsSupported(e)));
    }

    [Fact]
    public void Unknown_properties_at_every_level_are_ignored()
    {
        var payload = Example(PullRequestEvent.EventName);
        payload["brand_new_top_level"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        payload["pull_request"]!["future_field"] = "x";
        payload["pull_request"]!["head"]!["repo"]!["another"] = 12.5;
        payload["sender"]!["user_view_type"] = "public";
        payload["repository"]!["custom_properties"] = new JsonObject();

        var e = Assert.IsType<PullRequestEvent>(AssertParsed(Parse(PullRequestEvent.EventName, payload)));

        var original = WebhookExamples.Parse<PullRequestEvent>(PullRequestEvent.EventName, 0);
        Assert.Equal(original.PullRequest.Number, e.PullRequest.Number);
        Assert.Equal(original.PullRequest.Head.Sha, e.PullRequest.Head.Sha);
        Assert.Equal(original.PullRequest.Head.Repo?.FullName, e.PullRequest.Head.Repo?.FullName);
        Assert.Equal(original.Sender, e.Sender);
        Assert.Equal(original.Repository?.FullName, e.Repository?.FullName);
    }

    [Fact]
    public void Bot_sender_is_recognised()
    {
        var payload = Example(IssueCommentEvent.EventName);
        payload["sender"]!["login"] = "gitbot[bot]";
        payload["sender"]!["type"] = "Bot";

        var e = AssertParsed(Parse(IssueCommentEvent.EventName, payload));

        Assert.NotNull(e.Sender);
        Assert.True(e.Sender.IsBot);
        Assert.Equal("gitbot[bot]", e.Sender.Login);
    }

    [Fact]
    public void Minimal_labeled_payload_parses_with_defaults_for_what_github_omitted()
    {
        var body = """
            {"action":"labeled","label":{"name":"agent:claude"},
             "issue":{"id":7,"number":3,"title":"Fix it","body":null},
             "sender":{"login":"alice","id":1,"type":"User"},"installation":{"id":99}}
            """u8;

        var e = Assert.IsType<IssuesEvent>(AssertParsed(WebhookPayloadParser.Parse(IssuesEvent.EventName, body)));

        Assert.Equal("labeled", e.Action);
        Assert.Equal("agent:claude", e.Label?.Name);
        Assert.Equal(3, e.Issue.Number);
        Assert.Null(e.Issue.Body);
        Assert.Empty(e.Issue.Labels);
        Assert.False(e.Issue.IsPullRequest);
        Assert.Equal(99, e.Installation?.Id);
        Assert.Null(e.Installation?.Account);
        Assert.Null(e.Repository);
        Assert.False(e.Sender?.IsBot);
    }

    private static JsonObject Example(string eventName) =>
        JsonNode.Parse(WebhookExamples.Text(eventName, 0))!.AsObject();

    private static WebhookParseResult Parse(string eventName, JsonObject payload) =>
        WebhookPayloadParser.Parse(eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()));

    private static WebhookEvent AssertParsed(WebhookParseResult result)
    {
        Assert.True(result.IsParsed, result.Error);
        return result.Event;
    }

    private static void AssertMalformed(WebhookParseResult result, string eventName)
    {
        Assert.Equal(WebhookParseOutcome.Malformed, result.Outcome);
        Assert.Equal(eventName, result.EventName);
        Assert.False(result.IsParsed);
        Assert.Null(result.Event);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }
}
