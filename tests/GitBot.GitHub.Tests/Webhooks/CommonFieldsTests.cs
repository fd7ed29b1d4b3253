using GitBot.GitHub.Webhooks;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>Every example of every supported event: the shared fields, the record type and the envelope.</summary>
public sealed class CommonFieldsTests
{
    public static TheoryData<string, int> SupportedExamples => WebhookExamples.Cases(WebhookExamples.SupportedEvents);

    public static TheoryData<string, int> AllExamples => WebhookExamples.Cases([.. WebhookExamples.AllEvents]);

    [Theory]
    [MemberData(nameof(SupportedExamples))]
    public void Example_parses_into_its_event_record_with_the_shared_fields(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var result = WebhookPayloadParser.Parse(eventName, WebhookExamples.Utf8(eventName, index));

        Assert.True(result.IsParsed, result.Error);
        Assert.Equal(WebhookParseOutcome.Parsed, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(eventName, result.EventName);
        Assert.Equal(ExpectedType(eventName), result.Event.GetType());

        var e = result.Event;
        Expect.String(root, "action", e.Action);
        Expect.User(root, "sender", e.Sender);
        Expect.Long(root, "installation.id", e.Installation?.Id);
        Expect.Repository(root, "repository", e.Repository);
    }

    [Theory]
    [MemberData(nameof(SupportedExamples))]
    public void Envelope_agrees_with_the_full_parse(string eventName, int index)
    {
        var body = WebhookExamples.Utf8(eventName, index);

        var envelope = WebhookPayloadParser.ReadEnvelope(body);
        var parsed = WebhookPayloadParser.Parse(eventName, body);

        Assert.False(envelope.IsMalformed, envelope.Error);
        Assert.True(parsed.IsParsed, parsed.Error);
        Assert.Equal(parsed.Event.Action, envelope.Action);
        Assert.Equal(parsed.Event.Installation?.Id, envelope.InstallationId);
        Assert.Equal(parsed.Event.Repository?.FullName, envelope.RepositoryFullName);
    }

    /// <summary>The ingress reads the envelope of every delivery, including events GitBot does not parse.</summary>
    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Envelope_matches_the_example_for_every_published_event(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var envelope = WebhookPayloadParser.ReadEnvelope(WebhookExamples.Utf8(eventName, index));

        Assert.False(envelope.IsMalformed, envelope.Error);
        Expect.String(root, "action", envelope.Action);
        Expect.Long(root, "installation.id", envelope.InstallationId);
        Expect.String(root, "repository.full_name", envelope.RepositoryFullName);
    }

    private static Type ExpectedType(string eventName) => eventName switch
    {
        IssuesEvent.EventName => typeof(IssuesEvent),
        IssueCommentEvent.EventName => typeof(IssueCommentEvent),
        PullRequestEvent.EventName => typeof(PullRequestEvent),
        PullRequestReviewEvent.EventName => typeof(PullRequestReviewEvent),
        PullRequestReviewCommentEvent.EventName => typeof(PullRequestReviewCommentEvent),
        CheckRunEvent.EventName => typeof(CheckRunEvent),
        CheckSuiteEvent.EventName => typeof(CheckSuiteEvent),
        InstallationEvent.EventName => typeof(InstallationEvent),
        InstallationRepositoriesEvent.EventName => typeof(InstallationRepositoriesEvent),
        PushEvent.EventName => typeof(PushEvent),
        WorkflowRunEvent.EventName => typeof(WorkflowRunEvent),
        PingEvent.EventName => typeof(PingEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "not a supported event"),
    };
}
