using GitBot.Core.Auditing;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Issues;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// Sends a human's "request changes" review of a GitBot pull request to the coding agent. Guarantees, in this order:
/// only <c>submitted</c> reviews in state <c>changes_requested</c> on an open pull request whose head is a branch of
/// the same repository count; bots (the App included) never trigger; only GitBot's own branches
/// (<see cref="FeedbackTargetResolver"/>) count; only a reviewer with write, maintain or admin permission (asked of the
/// API, before anything is spent) triggers — anyone else is audited and logged and nothing runs; the run is one
/// persistent job per repository, pull request and review, so a redelivered webhook schedules nothing new.
/// </summary>
public sealed partial class FeedbackReviewHandler(
    GitHubClientFactory github,
    PermissionChecker permissions,
    FeedbackTargetResolver resolver,
    FeedbackJobScheduler jobs,
    IAuditLog audit,
    TimeProvider time,
    ILogger<FeedbackReviewHandler> logger) : WebhookEventHandler<PullRequestReviewEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["submitted"], StringComparer.Ordinal);

    public override string Event => PullRequestReviewEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestReviewEvent payload, CancellationToken cancellationToken)
    {
        var (review, pull) = (payload.Review, payload.PullRequest);
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || !string.Equals(review.State, "changes_requested", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var subject = $"{repository.FullName}#{pull.Number} review {review.Id}";
        var reviewer = review.User ?? payload.Sender;
        if (reviewer is null || reviewer.IsBot || payload.Sender?.IsBot == true)
        {
            LogIgnored(logger, context.DeliveryId, subject, "sent by a bot");
            return;
        }

        if (!string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            LogIgnored(logger, context.DeliveryId, subject, "the pull request is not open");
            return;
        }

        // A fork's branch may carry a GitBot-looking name; GitBot pushes only to its own repository's branches.
        if (!string.Equals(pull.Head.Repo?.FullName, repository.FullName, StringComparison.OrdinalIgnoreCase))
        {
            LogIgnored(logger, context.DeliveryId, subject, "the head branch is in another repository");
            return;
        }

        var client = github.ForInstallation(installation.Id);
        var target = await resolver.ResolveAsync(client, repository.FullName, repository.DefaultBranch, pull.Head.Ref, cancellationToken);
        switch (target.Status)
        {
            case FeedbackTargetStatus.ConfigUnreadable:
                throw new RetryableDeliveryException($"{subject}: {target.Problem}");
            case FeedbackTargetStatus.NotGitBotBranch or FeedbackTargetStatus.ConfigInvalid:
                LogIgnored(logger, context.DeliveryId, subject, target.Problem ?? target.Status.ToString());
                return;
        }

        if (!await permissions.CanWriteAsync(client, repository.FullName, reviewer.Login, cancellationToken))
        {
            LogRefused(logger, context.DeliveryId, subject, reviewer.Login);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), reviewer.Login, "feedback.refused", subject,
                "no write permission", context.DeliveryId), cancellationToken);
            return;
        }

        var request = new FeedbackRequest(context.DeliveryId, installation.Id, repository.FullName, pull.Number, review.Id,
            reviewer.Login, repository.DefaultBranch, repository.CloneUrl);
        var scheduled = await jobs.ScheduleAsync(request, cancellationToken);
        if (scheduled)
        {
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), reviewer.Login, "feedback.requested", subject,
                $"branch {target.Target!.Branch}", context.DeliveryId), cancellationToken);
        }

        LogScheduled(logger, context.DeliveryId, subject, target.Target!.Branch, scheduled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string deliveryId, string subject, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Login} may not send feedback to the agent on {Subject} (no write permission)")]
    private static partial void LogRefused(ILogger logger, string deliveryId, string subject, string login);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} on {Branch} queued (new: {Scheduled})")]
    private static partial void LogScheduled(ILogger logger, string deliveryId, string subject, string branch, bool scheduled);
}
