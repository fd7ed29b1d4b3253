using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Recomputes the gate of the GitBot pull requests whose head a completed check run ran on. The gate's own runs are
/// ignored (writing the gate would otherwise trigger itself). The payload's <c>pull_requests</c> is used when GitHub
/// fills it; it is empty for some PRs (forks, and the simulator), so then the open PRs are searched by head SHA.
/// </summary>
public sealed class GateCheckRunHandler(GateRecomputer gate) : WebhookEventHandler<CheckRunEvent>
{
    private static readonly IReadOnlySet<string> HandledActions = new HashSet<string>(["completed"], StringComparer.Ordinal);

    public override string Event => CheckRunEvent.EventName;

    protected override IReadOnlySet<string> Actions => HandledActions;

    protected override async Task HandleAsync(WebhookEventContext context, CheckRunEvent payload, CancellationToken cancellationToken)
    {
        if (payload.Repository is not { } repository || payload.Installation is not { } installation
            || string.Equals(payload.CheckRun.Name, GateCheckRunWriter.CheckName, StringComparison.Ordinal))
        {
            return;
        }

        IReadOnlyList<int> numbers = payload.CheckRun.PullRequests.Count > 0
            ? [.. payload.CheckRun.PullRequests.Select(p => p.Number).Distinct()]
            : await gate.FindByHeadAsync(installation.Id, repository.FullName, payload.CheckRun.HeadSha, cancellationToken);
        foreach (var number in numbers)
        {
            await gate.RecomputeAsync(installation.Id, repository.FullName, number, cancellationToken);
        }
    }
}
