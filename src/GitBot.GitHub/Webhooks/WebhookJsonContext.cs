using System.Text.Json.Serialization;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// Source-generated (reflection-free) serialization metadata for the webhook payload records. GitHub's snake_case
/// names map onto the records through the naming policy; unknown properties are skipped, and a null in a
/// non-nullable property or a missing <c>required</c> one makes the payload malformed rather than half-filled.
/// The generated code assigns every init-only property when it builds a record, absent ones included, so property
/// initializers would be overwritten with null: list properties therefore read <c>get =&gt; field ?? []</c>, which
/// guarantees an empty list where GitHub omitted one.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(IssuesEvent))]
[JsonSerializable(typeof(IssueCommentEvent))]
[JsonSerializable(typeof(PullRequestEvent))]
[JsonSerializable(typeof(PullRequestReviewEvent))]
[JsonSerializable(typeof(PullRequestReviewCommentEvent))]
[JsonSerializable(typeof(CheckRunEvent))]
[JsonSerializable(typeof(CheckSuiteEvent))]
[JsonSerializable(typeof(InstallationEvent))]
[JsonSerializable(typeof(InstallationRepositoriesEvent))]
[JsonSerializable(typeof(PushEvent))]
[JsonSerializable(typeof(WorkflowRunEvent))]
[JsonSerializable(typeof(PingEvent))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
