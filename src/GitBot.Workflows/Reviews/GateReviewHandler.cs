using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Reviews;

/// <summary>Recomputes the gate when a review is submitted, edited or dismissed (the recompute decides whether the gate looks after the pull request).</summary>
public sealed class GateReviewHandler(GateRecomputer gate) : WebhookEventHandler<PullRequestReviewEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["submitted", "dismissed", "edited"], StringComparer.Ordinal);

    public override string Event => PullRequestReviewEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestReviewEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation)
        {
            return;
        }

        await gate.RecomputeAsync(installation.Id, repository.FullName, payload.PullRequest.Number, cancellationToken);
    }
}
