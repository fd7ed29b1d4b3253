using System.Diagnostics.CodeAnalysis;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// The routing columns the ingress stores next to a raw delivery, read by
/// <see cref="WebhookPayloadParser.ReadEnvelope"/> without deserializing the payload.
/// </summary>
/// <param name="Action">Top-level <c>action</c>, when present.</param>
/// <param name="InstallationId">Top-level <c>installation.id</c>, when present.</param>
/// <param name="RepositoryFullName">Top-level <c>repository.full_name</c>, when present.</param>
/// <param name="Error">Set when the body is not a well-formed JSON object or one of the three has the wrong JSON type.</param>
public readonly record struct WebhookEnvelope(string? Action, long? InstallationId, string? RepositoryFullName, string? Error)
{
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsMalformed => Error is not null;

    public static WebhookEnvelope Malformed(string error) => new(null, null, null, error);
}
