using System.Diagnostics.CodeAnalysis;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// The outcome of <see cref="WebhookPayloadParser.Parse"/> as a value: <see cref="Event"/> is set exactly when
/// the outcome is <see cref="WebhookParseOutcome.Parsed"/>, <see cref="Error"/> exactly when it is
/// <see cref="WebhookParseOutcome.Malformed"/>.
/// </summary>
public sealed record WebhookParseResult
{
    private WebhookParseResult(WebhookParseOutcome outcome, string eventName, WebhookEvent? @event, string? error)
    {
        Outcome = outcome;
        EventName = eventName;
        Event = @event;
        Error = error;
    }

    public WebhookParseOutcome Outcome { get; }

    /// <summary>The <c>X-GitHub-Event</c> name the body was parsed as.</summary>
    public string EventName { get; }

    public WebhookEvent? Event { get; }

    /// <summary>The JSON error (with its path and position), for a malformed body.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsParsed => Outcome == WebhookParseOutcome.Parsed;

    public static WebhookParseResult Parsed(string eventName, WebhookEvent @event) =>
        new(WebhookParseOutcome.Parsed, eventName, @event ?? throw new ArgumentNullException(nameof(@event)), null);

    public static WebhookParseResult Unsupported(string eventName) =>
        new(WebhookParseOutcome.Unsupported, eventName, null, null);

    public static WebhookParseResult Malformed(string eventName, string error) =>
        new(WebhookParseOutcome.Malformed, eventName, null, error);
}
