using GitBot.Core.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The issue whose plan the plan verbs (<c>cancel</c>, <c>retry</c>, <c>plan</c>) act on: the issue itself, or on
/// GitBot's pull request (<c>{prefix}/&lt;issue&gt;</c> in this repository) the issue it was made for.
/// </summary>
internal static class PlanCommandIssue
{
    /// <summary>The issue number, or null with why there is none (for the reply).</summary>
    public static async Task<(int? Issue, string? Error)> ResolveAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.IsPullRequest)
        {
            return (request.Number, null);
        }

        var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
        if (pull is null)
        {
            return (null, error);
        }

        var (config, _) = await CommandPullRequests.ConfigAsync(context, pull, cancellationToken);
        return CommandPullRequests.GitBotIssue(config, pull, request.Repository) is { } issue
            ? (issue, null)
            : (null, $"#{request.Number} is not a GitBot pull request (its branch is not `{config.BranchPrefix}/<issue>` in this repository), so no plan belongs to it. Use the command on the issue.");
    }

    /// <summary>Task ids as code spans (ids are plain identifiers, checked when the plan was made).</summary>
    public static string Ids(IEnumerable<TaskRecord> tasks) => string.Join(", ", tasks.Select(t => $"`{t.Id}`"));
}
