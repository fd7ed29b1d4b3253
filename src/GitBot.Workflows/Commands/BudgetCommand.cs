using System.Globalization;
using GitBot.Core.Budgets;
using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent budget &lt;usd&gt;</c> on an issue, or on GitBot's pull request for its issue: stores the issue's budget
/// (<see cref="IIssueBudgetStore"/>), which replaces <c>limits.issue_budget_usd</c> for it from the next task on. What
/// is left is the budget minus what the issue has spent: the task costs of all its plans plus every fix, feedback and
/// review run recorded in <see cref="IIssueSpendingStore"/>. A budget below the spending is stored anyway: no new
/// task starts until it is raised, and the running agents of the issue's plan are stopped at once with their work saved
/// (the plan engine's budget stop), as when a run spends the rest. A raised budget does not restart blocked tasks:
/// <c>/agent retry</c> does. The caller has checked write permission.
/// </summary>
public sealed class BudgetCommand(IIssueBudgetStore budgets, IIssueSpendingStore spending, IPlanStore plans, PlanEngine engine) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Budget;

    /// <summary>Sets the issue's budget and replies with the budget, the spending and what is left.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        if (command.BudgetUsd is not { } usd)
        {
            return new CommandOutcome(CommandOutcomeKind.Invalid, line, "`budget` needs an amount in US dollars, e.g. `/agent budget 25.50`.");
        }

        var request = context.Request;
        var issue = request.Number;
        if (request.IsPullRequest)
        {
            var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
            if (pull is null)
            {
                return new CommandOutcome(CommandOutcomeKind.Failed, line, error!);
            }

            var (config, _) = await CommandPullRequests.ConfigAsync(context, pull, cancellationToken);
            if (CommandPullRequests.GitBotIssue(config, pull, request.Repository) is not { } gitBotIssue)
            {
                return new CommandOutcome(CommandOutcomeKind.Failed, line,
                    "A budget belongs to an issue: use it on the issue, or on a pull request GitBot opened for one. Nothing was changed.");
            }

            issue = gitBotIssue;
        }

        var stored = await budgets.SetAsync(request.Repository, issue, usd, request.Sender, cancellationToken);
        var plan = await plans.FindLatestAsync(request.Repository, issue, cancellationToken);
        var spent = await spending.GetSpentAsync(request.Repository, issue, null, cancellationToken);
        var left = IssueBudgets.Remaining(stored.BudgetUsd, spent);
        var text = $"Budget of #{issue.ToString(CultureInfo.InvariantCulture)} set to {Usd(stored.BudgetUsd)} by @{CommandText.Line(request.Sender, 40)}; "
            + $"spent {Usd(spent)}; {Usd(left)} left.";
        if (spent >= stored.BudgetUsd)
        {
            text += " That is no more than what was already spent: no new task starts until the budget is raised.";
            if (plan is { Plan.State: PlanState.Running } && plan.Tasks.Any(t => t.State == TaskState.Running))
            {
                // The engine stops the running tasks (their watchers kill the agents, which save their work).
                await engine.AdvanceAsync(plan.Plan.Id, cancellationToken);
                text += " The running agents are being stopped; their work so far is saved to their `-wip` branches.";
            }
        }
        else if (plan is null)
        {
            text += " The issue has no plan yet; its tasks will run within this budget.";
        }

        return new CommandOutcome(CommandOutcomeKind.Done, line, text);
    }

    private static string Usd(decimal amount) => "$" + amount.ToString("0.00", CultureInfo.InvariantCulture);
}
