using GitBot.Core.Auditing;
using GitBot.Core.Installations;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Installations;

/// <summary>
/// Keeps the installations table in step with <c>installation</c> events: created, unsuspended or new permissions
/// accepted → upserted (with the repositories the event lists), suspended → upserted as suspended, deleted → removed
/// with its repositories. Idempotent: every value written comes from the stored delivery, including the timestamp
/// (the delivery's receipt time), which the store compares so that jobs of two deliveries running out of order
/// converge on the newer state.
/// </summary>
public sealed class InstallationEventHandler(IInstallationStore installations, IAuditLog audit) : WebhookEventHandler<InstallationEvent>
{
    private static readonly IReadOnlySet<string> HandledActions =
        new HashSet<string>(["created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"], StringComparer.Ordinal);

    public override string Event => InstallationEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, InstallationEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Installation is not { } installation)
        {
            return; // GitHub always sends it; a payload without one has nothing to act on.
        }

        var at = context.Delivery.ReceivedAt;
        if (payload.Action == "deleted")
        {
            await installations.RemoveInstallationAsync(installation.Id, cancellationToken);
        }
        else
        {
            await installations.UpsertInstallationAsync(
                new Installation(
                    installation.Id,
                    installation.Account?.Login ?? $"installation-{installation.Id}",
                    installation.Account?.Type ?? installation.TargetType ?? "Unknown",
                    at,
                    Suspended: payload.Action == "suspend"),
                cancellationToken);
            if (payload.Repositories.Count > 0)
            {
                await installations.UpsertRepositoriesAsync(
                    [.. payload.Repositories.Select(r => new InstalledRepository(r.Id, installation.Id, r.FullName, r.Private, at))],
                    cancellationToken);
            }
        }

        await audit.AppendAsync(
            new AuditEntry(at, payload.Sender?.Login ?? "github", $"installation.{payload.Action}",
                $"installation:{installation.Id}", installation.Account?.Login, context.DeliveryId),
            cancellationToken);
    }
}
