using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Agents.Configuration;
using GitBot.Core.Plans;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// Decides whether a pull request's head branch is GitBot's (<c>{branch_prefix}/{issue}</c>, never a task branch) and
/// under which configuration its feedback runs. The issue's plan, when one made this branch, decides (its configuration
/// snapshot, its pinned role), so a feedback run obeys the same limits as the plan did; otherwise the configuration on
/// the default branch does — never the pull request's own branch, which its author controls.
/// </summary>
public sealed partial class FeedbackTargetResolver(IPlanStore plans, PlanConfiguration configuration)
{
    public async Task<FeedbackTargetResolution> ResolveAsync(
        GitHubClient client, string repository, string defaultBranch, string headRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var match = GitBotBranch().Match(headRef ?? string.Empty);
        if (!match.Success || !int.TryParse(match.Groups["issue"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var issue))
        {
            return FeedbackTargetResolution.None(FeedbackTargetStatus.NotGitBotBranch, $"`{headRef}` is not a GitBot branch");
        }

        var prefix = match.Groups["prefix"].Value;
        var plan = (await plans.FindLatestAsync(repository, issue, cancellationToken))?.Plan;
        if (plan is not null)
        {
            var planConfig = configuration.For(plan);
            if (string.Equals(planConfig.BranchPrefix, prefix, StringComparison.Ordinal))
            {
                var pinned = TriggerLabelMatcher.Match(plan.TriggerLabel, planConfig.TriggerLabel)?.PinnedRole;
                return FeedbackTargetResolution.Found(new FeedbackTarget(planConfig, plan, issue, headRef!, pinned ?? planConfig.DefaultRole));
            }
        }

        var files = await RepoConfigLoader.LoadAsync(client, RepositoryName.Parse(repository), defaultBranch, cancellationToken);
        if (!files.TryGetValue(out var configFiles))
        {
            return FeedbackTargetResolution.None(FeedbackTargetStatus.ConfigUnreadable, $"reading the configuration failed: {files.Error!.Message}");
        }

        var parsed = RepoConfigParser.Parse(configFiles);
        if (parsed.Config is not { } config)
        {
            // Unknown prefix: judge the branch by the default one, so only a GitBot-looking branch reports the problem.
            return string.Equals(prefix, RepoConfigParser.Defaults.BranchPrefix, StringComparison.Ordinal)
                ? FeedbackTargetResolution.None(FeedbackTargetStatus.ConfigInvalid,
                    $"the configuration does not parse: {string.Join("; ", parsed.Problems.Select(p => p.Message))}")
                : FeedbackTargetResolution.None(FeedbackTargetStatus.NotGitBotBranch, $"`{headRef}` is not a GitBot branch");
        }

        return string.Equals(config.BranchPrefix, prefix, StringComparison.Ordinal)
            ? FeedbackTargetResolution.Found(new FeedbackTarget(config, null, issue, headRef!, config.DefaultRole))
            : FeedbackTargetResolution.None(FeedbackTargetStatus.NotGitBotBranch, $"`{headRef}` is not under `{config.BranchPrefix}/`");
    }

    // An issue number right after the prefix and nothing else: task branches (`gitbot/12-tasks/3`) and look-alikes
    // (`gitbot/12-fix`) are not pull request branches GitBot pushes feedback to.
    [GeneratedRegex(@"^(?<prefix>[A-Za-z0-9][A-Za-z0-9._/-]{0,100})/(?<issue>[1-9][0-9]{0,8})$")]
    private static partial Regex GitBotBranch();
}
