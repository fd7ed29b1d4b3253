using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Core.Runs;

namespace GitBot.Cli.Status;

/// <summary>
/// Reads what <c>gitbot status</c> shows from the server's own stores; changes nothing. Costs are an issue's whole
/// spending (every plan's tasks plus fixes, feedback and reviews), as <c>/agent status</c> counts them.
/// </summary>
internal sealed class StatusReader(IPlanStore plans, IIssueSpendingStore spending, IAgentRunStore runs, TimeProvider time)
{
    /// <summary>Every repository with plans, by name.</summary>
    public async Task<IReadOnlyList<RepositoryStatus>> RepositoriesAsync(CancellationToken cancellationToken)
    {
        var all = await plans.ListAsync(null, cancellationToken);
        var result = new List<RepositoryStatus>();
        foreach (var group in all.GroupBy(p => p.Plan.Repository, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byState = group.GroupBy(p => StatusText.Plan(p.Plan.State), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var running = group.Sum(p => p.Tasks.Count(t => t.State == TaskState.Running));
            var cost = 0m;
            foreach (var issue in group.Select(p => p.Plan.IssueNumber).Distinct())
            {
                cost += await spending.GetSpentAsync(group.Key, issue, null, cancellationToken);
            }

            result.Add(new RepositoryStatus(group.Key, byState, running, cost));
        }

        return result;
    }

    /// <summary>The repository's issues with plans, by number; each with its newest plan. Empty for an unknown repository.</summary>
    public async Task<IReadOnlyList<IssueStatus>> IssuesAsync(string repository, CancellationToken cancellationToken)
    {
        var all = await plans.ListAsync(repository, cancellationToken);
        var result = new List<IssueStatus>();
        foreach (var group in all.GroupBy(p => p.Plan.IssueNumber).OrderBy(g => g.Key))
        {
            var newest = group.MaxBy(p => p.Plan.Id)!;
            var cost = await spending.GetSpentAsync(repository, group.Key, null, cancellationToken);
            result.Add(new IssueStatus(
                group.Key,
                newest.Plan.IssueTitle,
                newest.Plan.Id,
                StatusText.Plan(newest.Plan.State),
                newest.Tasks.Count(t => t.State == TaskState.Succeeded),
                newest.Tasks.Count,
                cost,
                newest.Plan.PullRequestNumber));
        }

        return result;
    }

    /// <summary>The issue's newest plan, or null when the issue has none.</summary>
    /// <summary>The most agent runs an issue's view lists (newest first).</summary>
    public const int MaxRuns = 50;

    public async Task<PlanStatus?> PlanAsync(string repository, int issue, CancellationToken cancellationToken)
    {
        if (await plans.FindLatestAsync(repository, issue, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var plan = snapshot.Plan;
        var other = await spending.GetSpentAsync(repository, issue, plan.Id, cancellationToken);
        var tasks = snapshot.Tasks.OrderBy(t => t.Ordinal).Select(Line).ToList();
        var taskCost = snapshot.Tasks.Sum(t => t.CostUsd);
        var now = time.GetUtcNow();
        var runLines = (await runs.ListForIssueAsync(repository, issue, MaxRuns, cancellationToken))
            .Select(r => new RunLine(r.Id, r.Subject.Kind.ToString(), r.Role, r.Subject.TaskId, r.Subject.Attempt, r.Node, StatusText.Run(r.State), r.StartedAt,
                Math.Round(r.Duration(now).TotalSeconds, 1), r.Turns, r.InputTokens, r.OutputTokens, r.CostUsd, r.ExitReason))
            .ToList();
        return new PlanStatus(plan.Id, plan.Repository, plan.IssueNumber, plan.IssueTitle, StatusText.Plan(plan.State), plan.Reason,
            plan.PullRequestNumber, tasks, taskCost, other, taskCost + other, runLines);
    }

    private TaskLine Line(TaskRecord task)
    {
        double? seconds = task.StartedAt is { } started
            ? Math.Round(((task.FinishedAt ?? time.GetUtcNow()) - started).TotalSeconds, 1)
            : null;
        return new TaskLine(task.Id, task.Definition.Title, task.Definition.Role, task.Definition.DependsOn, StatusText.Task(task.State),
            task.Attempt, task.Node, task.StartedAt, task.FinishedAt, seconds, task.CostUsd, task.Reason, task.CommitSha, task.LogPath);
    }
}
