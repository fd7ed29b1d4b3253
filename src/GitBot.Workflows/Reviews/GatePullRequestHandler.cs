using GitBot.Core.Reviews.Runs;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Recomputes the gate when a pull request is opened, reopened, pushed to, marked ready or relabelled (the recompute
/// decides whether the gate looks after it). The sender of <c>synchronize</c> is the one who pushed the new head, and
/// is stored as its pusher, whose own approval of that head does not count.
/// </summary>
public sealed class GatePullRequestHandler(GateRecomputer gate, IReviewRunStore pushers) : WebhookEventHandler<PullRequestEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(
        ["opened", "reopened", "synchronize", "ready_for_review", "labeled", "unlabeled"], StringComparer.Ordinal);

    public override string Event => PullRequestEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation)
        {
            return;
        }

        if (payload.Action == "synchronize" && payload.Sender is { } sender)
        {
            // Recorded in the database before the gate reads it, so every node agrees who pushed this head.
            await pushers.RecordPusherAsync(repository.FullName, payload.After ?? payload.PullRequest.Head.Sha, sender.Login, cancellationToken);
        }

        await gate.RecomputeAsync(installation.Id, repository.FullName, payload.PullRequest.Number, cancellationToken);
    }
}
