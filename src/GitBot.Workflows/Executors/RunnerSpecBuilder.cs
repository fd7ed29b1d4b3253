using System.Globalization;
using GitBot.Core.Budgets;
using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Prompts;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Executors;

/// <summary>
/// The spec a runner gets for a dispatched task: the same prompt, limits, branches and trailers a worker would use
/// (<see cref="TaskAgentStep"/>), and the plan's configuration snapshot for the role.
/// </summary>
public sealed class RunnerSpecBuilder(
    PlanConfiguration configuration,
    GitHubClientFactory github,
    IIssueBudgetStore budgets,
    IIssueSpendingStore spending)
{
    public async Task<RunnerTaskSpec> BuildAsync(PlanSnapshot snapshot, TaskRecord task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(task);
        var plan = snapshot.Plan;
        var config = configuration.For(plan);
        var repo = RepositoryName.Parse(plan.Repository);
        var issue = await github.ForInstallation(plan.InstallationId).Issues.GetAsync(repo.Owner, repo.Name, plan.IssueNumber, cancellationToken);
        var predecessors = snapshot.Tasks.Where(t => task.Definition.DependsOn.Contains(t.Id, StringComparer.Ordinal)).ToList();
        var spentUsd = snapshot.Tasks.Sum(t => t.CostUsd) + await spending.GetSpentAsync(plan.Repository, plan.IssueNumber, plan.Id, cancellationToken);
        var issueLimit = IssueBudgets.IssueLimit(config.Limits, await budgets.FindAsync(plan.Repository, plan.IssueNumber, cancellationToken));
        var prompt = TaskPromptBuilder.Build(plan, issue.IsSuccess ? issue.Value.Body ?? string.Empty : string.Empty, task, predecessors);
        var role = config.Roles.TryGetValue(task.Definition.Role, out var definition) ? definition : null;
        var trailers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TaskAgentStep.TaskTrailer] = TaskAgentStep.TrailerValue(plan.Id, task.Id),
            [TaskAgentStep.AgentTrailer] = role is null ? task.Definition.Role : $"{role.Name} ({role.Backend})",
        };
        var message = $"{task.Definition.Title}\n\nTask {task.Id} of #{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}: {plan.IssueTitle}";
        return new RunnerTaskSpec(
            plan.Id, task.Id, task.Attempt, plan.Repository, plan.CloneUrl, plan.DefaultBranch, config.BranchPrefix,
            PlanConfiguration.IntegrationBranch(config, plan), PlanConfiguration.TaskBranch(config, plan, task.Id),
            task.Definition.Role, prompt, config.Limits.MaxTurns, IssueBudgets.TaskLimit(config.Limits, issueLimit, spentUsd),
            (int)Math.Ceiling(config.Limits.TaskTimeout.TotalSeconds), message, trailers, ConfigSnapshot.Deserialize(plan.ConfigSnapshot));
    }
}
