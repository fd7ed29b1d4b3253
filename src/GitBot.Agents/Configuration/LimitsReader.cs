using GitBot.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace GitBot.Agents.Configuration;

/// <summary>Reads the <c>limits</c> mapping; every key left out keeps its <see cref="RepoLimits.Default"/>.</summary>
internal static class LimitsReader
{
    public static readonly string[] Keys =
    [
        "max_parallel_tasks", "task_timeout", "max_turns", "task_budget_usd", "issue_budget_usd", "max_tasks", "max_retries", "retry_backoff",
    ];

    public static RepoLimits Read(YamlConfigReader reader, YamlNode node, string path)
    {
        var limits = RepoLimits.Default;
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return limits;
        }

        YamlNode? taskBudgetNode = null;
        YamlNode? issueBudgetNode = null;
        var budgetsValid = true;
        foreach (var (key, (_, value)) in reader.Entries(map, path, Keys))
        {
            if (YamlConfigReader.IsNull(value))
            {
                continue;
            }

            var keyPath = $"{path}.{key}";
            switch (key)
            {
                case "max_parallel_tasks":
                    limits = reader.Int(value, keyPath, 1, 32) is { } parallel ? limits with { MaxParallelTasks = parallel } : limits;
                    break;
                case "task_timeout":
                    var timeout = reader.Duration(value, keyPath, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));
                    limits = timeout is { } t ? limits with { TaskTimeout = t } : limits;
                    break;
                case "max_turns":
                    limits = reader.Int(value, keyPath, 1, 500) is { } turns ? limits with { MaxTurns = turns } : limits;
                    break;
                case "task_budget_usd":
                    taskBudgetNode = value;
                    var task = Budget(reader, value, keyPath);
                    budgetsValid &= task is not null;
                    limits = task is { } taskBudget ? limits with { TaskBudgetUsd = taskBudget } : limits;
                    break;
                case "issue_budget_usd":
                    issueBudgetNode = value;
                    var issue = Budget(reader, value, keyPath);
                    budgetsValid &= issue is not null;
                    limits = issue is { } issueBudget ? limits with { IssueBudgetUsd = issueBudget } : limits;
                    break;
                case "max_tasks":
                    limits = reader.Int(value, keyPath, 1, 50) is { } tasks ? limits with { MaxTasks = tasks } : limits;
                    break;
                case "max_retries":
                    limits = reader.Int(value, keyPath, 0, 5) is { } retries ? limits with { MaxRetries = retries } : limits;
                    break;
                case "retry_backoff":
                    var backoff = reader.Duration(value, keyPath, TimeSpan.Zero, TimeSpan.FromHours(1));
                    limits = backoff is { } b ? limits with { RetryBackoff = b } : limits;
                    break;
                default:
                    break;
            }
        }

        // Checked only when both budgets read cleanly, so one typo does not cause a second, confusing problem.
        if (budgetsValid && limits.IssueBudgetUsd < limits.TaskBudgetUsd)
        {
            if (issueBudgetNode is null)
            {
                // Only the per-task budget was raised: it is the key to look at.
                reader.Report(taskBudgetNode, $"{path}.task_budget_usd", $"the per-task budget ({limits.TaskBudgetUsd} USD) is more than the per-issue budget, which defaults to {RepoLimits.Default.IssueBudgetUsd} USD; lower it or set `issue_budget_usd` to at least {limits.TaskBudgetUsd}");
            }
            else
            {
                reader.Report(issueBudgetNode, $"{path}.issue_budget_usd", $"the per-issue budget ({limits.IssueBudgetUsd} USD) must be at least the per-task budget `task_budget_usd` ({limits.TaskBudgetUsd} USD)");
            }
        }

        return limits;
    }

    private static decimal? Budget(YamlConfigReader reader, YamlNode node, string path)
    {
        var value = reader.Decimal(node, path);
        if (value is not null && (value <= 0m || value > 100_000m))
        {
            reader.Report(node, path, $"must be more than 0 and at most 100000 (US dollars), got {value}");
            return null;
        }

        return value;
    }
}
