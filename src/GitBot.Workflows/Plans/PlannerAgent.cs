using System.Globalization;
using GitBot.Agents.Configuration;
using GitBot.Agents.Backends;
using GitBot.Agents.Runs;
using GitBot.Core.Configuration;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Prompts;
using GitBot.Core.Runs;
using GitBot.Git.Repositories;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Asks the planner role for a plan as JSON, in a worktree of the default branch (so it can read the code), and
/// validates it. An invalid answer is retried once with the problems stated; a second invalid answer is reported.
/// </summary>
public sealed class PlannerAgent(
    GitHubClientFactory github,
    MirrorCache mirrors,
    WorktreeManager worktrees,
    IAgentRunner agents,
    WorktreeHousekeeper housekeeper,
    IOptions<AgentOptions> agentOptions)
{
    private const int Attempts = 2;

    public async Task<PlannerResult> PlanAsync(
        PlanRecord plan, RepoConfig config, string issueTitle, string issueBody, IReadOnlyCollection<string> workRoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Roles.TryGetValue(BuiltInRoles.Planner, out var role))
        {
            return new PlannerResult(null, ["the `planner` role is not defined"]);
        }

        var token = await github.ForInstallation(plan.InstallationId).Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return new PlannerResult(null, [$"no GitHub token for the installation: {token.Error!.Message}"]);
        }

        var cache = await mirrors.EnsureAsync(plan.Repository, plan.CloneUrl, new GitCredential(tokenValue), cancellationToken);
        if (!cache.Succeeded)
        {
            return new PlannerResult(null, [$"fetching {plan.Repository} failed: {cache.Error}"]);
        }

        var branch = $"{PlanConfiguration.IntegrationBranch(config, plan)}-planner";
        var created = await worktrees.CreateAsync(cache.Value!, branch, $"refs/remotes/origin/{plan.DefaultBranch}", cancellationToken);
        if (!created.Succeeded)
        {
            return new PlannerResult(null, [$"could not prepare a worktree: {created.Error}"]);
        }

        try
        {
            var roles = workRoles.Select(r => (r, config.Roles[r].Description)).ToList();
            var prompt = PlannerPromptBuilder.Build(issueTitle, issueBody, roles, config.Limits.MaxTasks);
            IReadOnlyList<string> problems = [];
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var logPath = Path.GetFullPath(Path.Combine(agentOptions.Value.LogRoot, "plans",
                    plan.Id.ToString(CultureInfo.InvariantCulture), $"planner-{attempt.ToString(CultureInfo.InvariantCulture)}.log"));
                var asked = attempt == 1 ? prompt
                    : $"{prompt}\n\nYour previous answer was not a valid plan:\n- {string.Join("\n- ", problems)}\nAnswer again with only the JSON object.";
                var result = await agents.RunAsync(new AgentRunRequest(
                    $"{plan.Repository}#{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}/planner/{attempt.ToString(CultureInfo.InvariantCulture)}",
                    role, asked, created.Value!.Path, logPath, config.Limits.MaxTurns, config.Limits.TaskBudgetUsd, config.Limits.TaskTimeout)
                {
                    Subject = new AgentRunSubject(plan.Repository, AgentRunKind.Planner, plan.IssueNumber, PlanId: plan.Id, Attempt: attempt),
                }, cancellationToken);
                if (!result.Succeeded)
                {
                    problems = [$"the planner agent did not finish ({result.Outcome}): {result.Summary}"];
                    continue;
                }

                var parsed = PlannerOutputParser.Parse(result.Summary);
                problems = parsed.Tasks is null
                    ? [parsed.Error ?? "the planner's answer held no plan"]
                    : PlanValidator.Validate(parsed.Tasks, workRoles, config.Limits.MaxTasks);
                if (problems.Count == 0)
                {
                    return new PlannerResult(parsed.Tasks, []);
                }
            }

            return new PlannerResult(null, problems);
        }
        finally
        {
            housekeeper.Return(created.Value!);
        }
    }
}
