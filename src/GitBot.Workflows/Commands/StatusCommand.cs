using System.Globalization;
using System.Text;
using GitBot.Core.Budgets;
using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.GitHub.Models;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Reviews;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent status</c>, open to all. On an issue: its newest plan (state, tasks, cost so far — everything the issue
/// spent, earlier plans, fixes, feedback and reviews included — pull request). On a pull
/// request: the review runs of the current head, the <c>gitbot/gate</c> verdict (recomputed from GitHub's facts, which
/// is idempotent and never merges unless the repository has <c>gate.auto_merge</c>, where a green gate merges anyway),
/// and the plan when the pull request is GitBot's. Reads only; starts nothing that spends.
/// </summary>
public sealed class StatusCommand(IPlanStore plans, IIssueSpendingStore spending, IReviewRunStore runs, GateRecomputer gate) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Status;

    /// <summary>Answers <paramref name="command"/> in <paramref name="context"/>.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        if (!context.Request.IsPullRequest)
        {
            var latest = await plans.FindLatestAsync(context.Request.Repository, context.Request.Number, cancellationToken);
            return latest is null
                ? new CommandOutcome(CommandOutcomeKind.Done, line, $"#{context.Request.Number} has no plan: GitBot has not been given this issue.")
                : new CommandOutcome(CommandOutcomeKind.Done, line, PlanStatusRenderer.Render(latest, await OtherCostsAsync(latest, cancellationToken)));
        }

        var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
        if (pull is null)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, error!);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Pull request** #{pull.Number}: {pull.State}{(pull.Draft ? ", draft" : "")}{(pull.Merged ? ", merged" : "")}, head `{CommandText.Short(pull.Head.Sha)}`\n\n");
        text.Append(await ReviewsAsync(context, pull, cancellationToken));
        text.Append(await GateAsync(context, pull, cancellationToken));
        var (config, _) = await CommandPullRequests.ConfigAsync(context, pull, cancellationToken);
        if (CommandPullRequests.GitBotIssue(config, pull, context.Request.Repository) is { } issue
            && await plans.FindLatestAsync(context.Request.Repository, issue, cancellationToken) is { } plan)
        {
            text.Append('\n').Append(PlanStatusRenderer.Render(plan, await OtherCostsAsync(plan, cancellationToken)));
        }

        return new CommandOutcome(CommandOutcomeKind.Done, line, text.ToString());
    }

    /// <summary>What the plan's issue spent outside this plan's tasks: earlier plans, fixes, feedback, reviews.</summary>
    private Task<decimal> OtherCostsAsync(PlanSnapshot snapshot, CancellationToken cancellationToken) =>
        spending.GetSpentAsync(snapshot.Plan.Repository, snapshot.Plan.IssueNumber, snapshot.Plan.Id, cancellationToken);

    private async Task<string> ReviewsAsync(CommandContext context, GitHubPullRequest pull, CancellationToken cancellationToken)
    {
        var all = await runs.ListAsync(context.Request.Repository, pull.Number, cancellationToken);
        var current = all.Where(r => string.Equals(r.HeadSha, pull.Head.Sha, StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Agent)
            .Select(g => g.MaxBy(r => r.Attempt)!)
            .OrderBy(r => r.Agent)
            .ToList();
        if (current.Count == 0)
        {
            return "No review agents have run on this head.\n\n";
        }

        var text = new StringBuilder("| review | state | result |\n| --- | --- | --- |\n");
        foreach (var run in current)
        {
            var state = run.State switch
            {
                ReviewRunState.Queued => "queued",
                ReviewRunState.Running => "running",
                ReviewRunState.Completed => "completed",
                ReviewRunState.Superseded => "superseded",
                _ => run.State.ToString(),
            };
            var attempt = run.Attempt > 1 ? $" (attempt {run.Attempt})" : "";
            var result = run.Conclusion is null ? "" : $"{CommandText.Cell(run.Conclusion, 20)}: {CommandText.Cell(run.Title)}";
            text.Append(CultureInfo.InvariantCulture, $"| `{ReviewAgentNames.CheckName(run.Agent)}` | {state}{attempt} | {result} |\n");
        }

        return text.Append('\n').ToString();
    }

    private async Task<string> GateAsync(CommandContext context, GitHubPullRequest pull, CancellationToken cancellationToken)
    {
        if (!string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return "";
        }

        GateRecomputeResult result;
        try
        {
            result = await gate.RecomputeAsync(context.Request.InstallationId, context.Request.Repository, pull.Number, merge: false, cancellationToken);
        }
        catch (RetryableDeliveryException)
        {
            return "`gitbot/gate`: could not be computed just now (GitHub did not answer).\n";
        }

        if (result.Decision is not { } decision)
        {
            return $"`gitbot/gate`: not kept here ({CommandText.Line(result.Skipped)}).\n";
        }

        var text = new StringBuilder($"`gitbot/gate`: **{(decision.Green ? "green" : decision.Conclusion.ToString().ToLowerInvariant())}** — {CommandText.Line(decision.Title)}\n");
        foreach (var missing in decision.Missing)
        {
            text.Append("- ").Append(CommandText.Line(missing)).Append('\n');
        }

        return text.ToString();
    }
}
