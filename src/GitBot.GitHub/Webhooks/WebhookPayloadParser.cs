using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// Turns a verified webhook body into a typed event record, and reads the ingress routing columns cheaply.
/// Call only after <see cref="WebhookSignatureVerifier"/> accepted the body. Never throws for bad input: a body
/// GitBot cannot read is reported as <see cref="WebhookParseOutcome.Malformed"/>.
/// </summary>
public static class WebhookPayloadParser
{
    // The event name comes from the X-GitHub-Event header; the body alone does not say which event it is.
    private static readonly FrozenDictionary<string, JsonTypeInfo> EventTypes = new Dictionary<string, JsonTypeInfo>
    {
        [IssuesEvent.EventName] = WebhookJsonContext.Default.IssuesEvent,
        [IssueCommentEvent.EventName] = WebhookJsonContext.Default.IssueCommentEvent,
        [PullRequestEvent.EventName] = WebhookJsonContext.Default.PullRequestEvent,
        [PullRequestReviewEvent.EventName] = WebhookJsonContext.Default.PullRequestReviewEvent,
        [PullRequestReviewCommentEvent.EventName] = WebhookJsonContext.Default.PullRequestReviewCommentEvent,
        [CheckRunEvent.EventName] = WebhookJsonContext.Default.CheckRunEvent,
        [CheckSuiteEvent.EventName] = WebhookJsonContext.Default.CheckSuiteEvent,
        [InstallationEvent.EventName] = WebhookJsonContext.Default.InstallationEvent,
        [InstallationRepositoriesEvent.EventName] = WebhookJsonContext.Default.InstallationRepositoriesEvent,
        [PushEvent.EventName] = WebhookJsonContext.Default.PushEvent,
        [WorkflowRunEvent.EventName] = WebhookJsonContext.Default.WorkflowRunEvent,
        [PingEvent.EventName] = WebhookJsonContext.Default.PingEvent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The <c>X-GitHub-Event</c> names <see cref="Parse"/> turns into typed records.</summary>
    public static IReadOnlyCollection<string> SupportedEvents => EventTypes.Keys;

    /// <summary>Whether GitBot handles <paramref name="eventName"/>; the check is exact (GitHub sends lower case).</summary>
    public static bool IsSupported(string eventName) => EventTypes.ContainsKey(eventName);

    /// <summary>
    /// Parses <paramref name="utf8Json"/> as the event named by the <c>X-GitHub-Event</c> header. An unsupported
    /// event is not read at all.
    /// </summary>
    public static WebhookParseResult Parse(string eventName, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (!EventTypes.TryGetValue(eventName, out var typeInfo))
        {
            return WebhookParseResult.Unsupported(eventName);
        }

        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) is WebhookEvent parsed
                ? WebhookParseResult.Parsed(eventName, parsed)
                : WebhookParseResult.Malformed(eventName, "The payload is JSON null, not an object.");
        }
        catch (JsonException ex)
        {
            // Syntax errors, wrong types, missing required members and nulls in non-nullable members all land here;
            // the message names the JSON path and position, never the payload's values.
            return WebhookParseResult.Malformed(eventName, ex.Message);
        }
    }

    /// <summary>
    /// Reads the top-level <c>action</c>, <c>installation.id</c> and <c>repository.full_name</c> in one forward
    /// pass without deserializing the payload. See <see cref="WebhookEnvelopeReader"/> for the guarantees.
    /// </summary>
    public static WebhookEnvelope ReadEnvelope(ReadOnlySpan<byte> utf8Json) => WebhookEnvelopeReader.Read(utf8Json);
}
