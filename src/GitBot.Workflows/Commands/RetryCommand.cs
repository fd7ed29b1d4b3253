using System.Globalization;
using System.Text;
using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent retry [task]</c> on an issue or GitBot's pull request: the tasks of the issue's newest plan that failed,
/// are blocked, need a human or were cancelled (or the one named, with what waits on it) start again with a new
/// attempt (<see cref="PlanRetrier"/>); a finished plan is reopened so its pull request is opened or updated at the end.
/// </summary>
public sealed class RetryCommand(PlanRetrier retrier) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Retry;

    /// <summary>Retries; the caller has checked write permission.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        var request = context.Request;
        var (issue, error) = await PlanCommandIssue.ResolveAsync(context, cancellationToken);
        if (issue is not { } number)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to retry: {error}");
        }

        var result = await retrier.RetryAsync(request.Repository, number, command.Task, request.Sender, request.DeliveryId, cancellationToken);
        return result.Status switch
        {
            PlanRetryStatus.Retried => new CommandOutcome(CommandOutcomeKind.Done, line, Describe(result, number, request.Sender)),
            PlanRetryStatus.UnknownTask => new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"The plan of #{number} has no task `{CommandText.Line(command.Task, 40)}`: its tasks are {PlanCommandIssue.Ids(result.Plan!.Tasks)}."),
            PlanRetryStatus.NoPlan => new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to retry: #{number} has no plan."),
            _ => new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to retry on #{number}: {result.Detail}."),
        };
    }

    private static string Describe(PlanRetryResult result, int issue, string actor)
    {
        var text = new StringBuilder($"Retry by @{actor} on the plan of #{issue}: ");
        var retried = result.Plan!.Tasks.Where(t => result.Retried.Contains(t.Id, StringComparer.Ordinal)).ToList();
        text.Append(PlanCommandIssue.Ids(retried)).Append(" start again with a new attempt");
        if (result.Reopened)
        {
            text.Append("; the plan is running again and opens or updates its pull request when every task succeeds");
        }

        text.Append('.');
        var queued = retried.Where(t => t.State is TaskState.Ready or TaskState.Running).ToList();
        var waiting = retried.Where(t => t.State == TaskState.Pending).ToList();
        var blocked = retried.Where(t => t.IsFinished).ToList();
        if (queued.Count > 0)
        {
            text.Append(" Queued now: ").Append(PlanCommandIssue.Ids(queued)).Append('.');
        }

        if (waiting.Count > 0)
        {
            text.Append(" Waiting for their predecessors or a free slot: ").Append(PlanCommandIssue.Ids(waiting)).Append('.');
        }

        foreach (var task in blocked)
        {
            text.Append(CultureInfo.InvariantCulture, $" `{task.Id}` could not start: {CommandText.Line(task.Reason, 200)}.");
        }

        return text.ToString();
    }
}
