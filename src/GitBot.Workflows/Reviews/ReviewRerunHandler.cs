using GitBot.Core.Reviews.Reports;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// "Re-run" on one of GitBot's agent checks (<c>check_run rerequested</c>): runs that agent again on the check's head,
/// as the run's next attempt, for every open pull request whose head that still is. A check of another App with the
/// same name, or on a commit that is no longer a head, runs nothing (a review of stale code would mislead the gate).
/// </summary>
public sealed partial class ReviewRerunHandler(
    GitHubClientFactory github,
    GateIdentityProvider identities,
    ReviewRequester requester,
    PermissionChecker permissions,
    ILogger<ReviewRerunHandler> logger) : WebhookEventHandler<CheckRunEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["rerequested"], StringComparer.Ordinal);

    public override string Event => CheckRunEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, CheckRunEvent payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = payload.CheckRun;
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || !ReviewAgentNames.TryParseCheckName(run.Name, out var agent)
            || await identities.GetAsync(cancellationToken) is not { } identity || run.App?.Id != identity.AppId)
        {
            return;
        }

        var repo = RepositoryName.Parse(repository.FullName);
        var client = github.ForInstallation(installation.Id);

        // A re-run spends model time and runs tests: only a person with write access may ask for one.
        if (payload.Sender is not { } sender || sender.IsBot || !await permissions.CanWriteAsync(client, repository.FullName, sender.Login, cancellationToken))
        {
            LogNotPermitted(logger, context.DeliveryId, repository.FullName, run.Name, payload.Sender?.Login ?? "(none)");
            return;
        }

        var listed = await client.PullRequests.ListAsync(repo.Owner, repo.Name, null, "open", cancellationToken);
        if (!listed.TryGetValue(out var pulls))
        {
            throw new RetryableDeliveryException($"listing the open pull requests of {repo} failed: {listed.Error}");
        }

        var heads = pulls.Where(p => string.Equals(p.Head.Sha, run.HeadSha, StringComparison.OrdinalIgnoreCase)).ToList();
        if (heads.Count == 0)
        {
            LogStale(logger, context.DeliveryId, repository.FullName, run.Name, run.HeadSha);
            return;
        }

        foreach (var pull in heads)
        {
            await requester.RequestAsync(client, installation.Id, repo, pull.Number, pull.Head.Sha, [agent], again: true, cancellationToken);
            LogRerun(logger, context.DeliveryId, repository.FullName, pull.Number, agent, pull.Head.Sha);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: re-running {Agent} on {Repository}#{Number} at {HeadSha}")]
    private static partial void LogRerun(ILogger logger, string deliveryId, string repository, int number, ReviewAgentKind agent, string headSha);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Login} may not re-run {CheckName} on {Repository} (no write access)")]
    private static partial void LogNotPermitted(ILogger logger, string deliveryId, string repository, string checkName, string login);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {CheckName} on {Repository} at {HeadSha} is not the head of an open pull request; nothing re-run")]
    private static partial void LogStale(ILogger logger, string deliveryId, string repository, string checkName, string headSha);
}
