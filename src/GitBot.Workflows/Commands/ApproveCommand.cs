using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary><c>/agent approve</c> on an issue whose plan waits for approval (<c>plan_approval: true</c>): the tasks start.</summary>
public sealed class ApproveCommand(IPlanStore plans, PlanApprover approver) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Approve;

    /// <summary>Approves the waiting plan; the caller has checked write permission.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        var request = context.Request;
        if (request.IsPullRequest)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, "A plan is approved on its issue, not on a pull request.");
        }

        if (await approver.ApproveAsync(request.Repository, request.Number, request.Sender, request.DeliveryId, cancellationToken))
        {
            return new CommandOutcome(CommandOutcomeKind.Done, line, $"Plan approved by @{request.Sender}: the tasks are starting.");
        }

        var latest = await plans.FindLatestAsync(request.Repository, request.Number, cancellationToken);
        var why = latest is null
            ? "this issue has no plan"
            : $"its plan is {PlanStatusRenderer.State(latest.Plan.State)}";
        return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to approve: {why}. Only a plan waiting for approval can be approved.");
    }
}
