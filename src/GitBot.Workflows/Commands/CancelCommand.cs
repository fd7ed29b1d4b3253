using System.Globalization;
using System.Text;
using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent cancel</c> on an issue or GitBot's pull request: stops the issue's unfinished plan as removing the trigger
/// label does (<see cref="PlanCanceller"/>): the plan and its unfinished tasks become Cancelled in one write, queued runs
/// are removed, running agents have their process trees killed within a poll interval, the plan comment is updated.
/// A stopped agent's uncommitted changes are committed and pushed to its task's work-in-progress branch
/// (<see cref="TaskAgentStep.WorkInProgressBranch"/>) by the run itself, best effort.
/// </summary>
public sealed class CancelCommand(IPlanStore plans, PlanCanceller canceller, PlanConfiguration configuration) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Cancel;

    /// <summary>Cancels the plan; the caller has checked write permission.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        var request = context.Request;
        var (issue, error) = await PlanCommandIssue.ResolveAsync(context, cancellationToken);
        if (issue is not { } number)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to cancel: {error}");
        }

        var active = await plans.FindActiveAsync(request.Repository, number, cancellationToken);
        if (active is null)
        {
            var latest = await plans.FindLatestAsync(request.Repository, number, cancellationToken);
            var why = latest is null ? $"#{number} has no plan" : $"the plan of #{number} is already {PlanStatusRenderer.State(latest.Plan.State)}";
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to cancel: {why}.");
        }

        if (!await canceller.CancelAsync(request.Repository, number, request.Sender, "/agent cancel", request.DeliveryId, cancellationToken))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to cancel: the plan of #{number} finished meanwhile.");
        }

        return new CommandOutcome(CommandOutcomeKind.Done, line, Describe(active, number, request.Sender, configuration));
    }

    private static string Describe(PlanSnapshot before, int issue, string actor, PlanConfiguration configuration)
    {
        var text = new StringBuilder($"Plan for #{issue} cancelled by @{actor}");
        var running = before.Tasks.Where(t => t.State == TaskState.Running).ToList();
        var queued = before.Tasks.Where(t => t.State == TaskState.Ready).ToList();
        var pending = before.Tasks.Where(t => t.State == TaskState.Pending).ToList();
        if (before.Plan.State == PlanState.Planning)
        {
            text.Append(" while it was being made");
        }
        else if (before.Plan.State == PlanState.AwaitingApproval)
        {
            text.Append(" while it waited for approval");
        }

        text.Append('.');
        if (running.Count > 0)
        {
            var config = configuration.For(before.Plan);
            var branches = string.Join(", ", running.Select(t => $"`{TaskAgentStep.WorkInProgressBranch(PlanConfiguration.TaskBranch(config, before.Plan, t.Id))}`"));
            text.Append(CultureInfo.InvariantCulture, $" Stopping the running agent of {PlanCommandIssue.Ids(running)} (its processes are killed);");
            text.Append(CultureInfo.InvariantCulture, $" what it changed but had not committed is then committed and pushed to {branches}.");
        }

        if (queued.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Removed the queued run of {PlanCommandIssue.Ids(queued)}.");
        }

        if (pending.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {PlanCommandIssue.Ids(pending)} will not start.");
        }

        text.Append(" `/agent retry` starts the tasks again.");
        return text.ToString();
    }
}
