using System.Collections.Concurrent;
using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>
/// The parsed configuration of a plan (from its <see cref="ConfigSnapshot"/>), cached per plan: the snapshot never
/// changes, and it parsed cleanly when the plan was created, so parsing it again cannot fail except through a bug.
/// </summary>
public sealed class PlanConfiguration
{
    private readonly ConcurrentDictionary<long, RepoConfig> _cache = new();

    public RepoConfig For(PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _cache.GetOrAdd(plan.Id, _ =>
        {
            var parsed = RepoConfigParser.Parse(ConfigSnapshot.Deserialize(plan.ConfigSnapshot));
            return parsed.Config ?? throw new InvalidOperationException(
                $"Plan {plan.Id}'s configuration snapshot no longer parses: {string.Join("; ", parsed.Problems.Select(p => p.Message))}");
        });
    }

    /// <summary>The integration branch of a plan, e.g. <c>gitbot/12</c>.</summary>
    public static string IntegrationBranch(RepoConfig config, PlanRecord plan) =>
        $"{config.BranchPrefix}/{plan.IssueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A task's branch, e.g. <c>gitbot/12-tasks/3</c>. Not <c>gitbot/12/3</c>: git cannot hold a branch
    /// <c>gitbot/12</c> and a branch under <c>gitbot/12/</c> at once (a ref is a file, not also a directory).
    /// </summary>
    public static string TaskBranch(RepoConfig config, PlanRecord plan, string taskId) =>
        $"{IntegrationBranch(config, plan)}-tasks/{taskId}";
}
