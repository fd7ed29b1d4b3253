using GitBot.Core.Auditing;
using GitBot.Core.Installations;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Installations;

/// <summary>
/// Keeps the repositories table in step with <c>installation_repositories</c> events: added → upserted, removed →
/// removed. Idempotent: a re-run upserts the same rows and removes rows that are already gone.
/// </summary>
public sealed class InstallationRepositoriesEventHandler(IInstallationStore installations, IAuditLog audit)
    : WebhookEventHandler<InstallationRepositoriesEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["added", "removed"], StringComparer.Ordinal);

    public override string Event => InstallationRepositoriesEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(
        WebhookEventContext context,
        InstallationRepositoriesEvent payload,
        CancellationToken cancellationToken)
    {
        if (payload.Installation is not { } installation)
        {
            return;
        }

        var at = context.Delivery.ReceivedAt;
        if (payload.RepositoriesAdded.Count > 0)
        {
            await installations.UpsertRepositoriesAsync(
                [.. payload.RepositoriesAdded.Select(r => new InstalledRepository(r.Id, installation.Id, r.FullName, r.Private, at))],
                cancellationToken);
        }

        if (payload.RepositoriesRemoved.Count > 0)
        {
            await installations.RemoveRepositoriesAsync(installation.Id, [.. payload.RepositoriesRemoved.Select(r => r.Id)], cancellationToken);
        }

        var details = $"added: {string.Join(", ", payload.RepositoriesAdded.Select(r => r.FullName))}; " +
            $"removed: {string.Join(", ", payload.RepositoriesRemoved.Select(r => r.FullName))}";
        await audit.AppendAsync(
            new AuditEntry(at, payload.Sender?.Login ?? "github", $"installation_repositories.{payload.Action}",
                $"installation:{installation.Id}", details, context.DeliveryId),
            cancellationToken);
    }
}
