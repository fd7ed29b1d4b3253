using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Recomputes the gate when a GitBot pull request is opened, reopened, pushed to, marked ready or relabelled. The
/// sender of <c>synchronize</c> is the one who pushed the new head, and is remembered as its last pusher.
/// </summary>
public sealed class GatePullRequestHandler(GateRecomputer gate, LastPusherCache pushers) : WebhookEventHandler<PullRequestEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(
        ["opened", "reopened", "synchronize", "ready_for_review", "labeled", "unlabeled"], StringComparer.Ordinal);

    public override string Event => PullRequestEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, PullRequestEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || !GateRecomputer.IsGitBotBranch(payload.PullRequest.Head.Ref))
        {
            return;
        }

        if (payload.Action == "synchronize" && payload.Sender is { } sender)
        {
            pushers.Record(repository.FullName, payload.After ?? payload.PullRequest.Head.Sha, sender.Login);
        }

        await gate.RecomputeAsync(installation.Id, repository.FullName, payload.PullRequest.Number, cancellationToken);
    }
}
