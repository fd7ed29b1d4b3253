using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.GitHub.Models;
using GitBot.Workflows.Reviews;

namespace GitBot.Workflows.Commands;

/// <summary>What the pull request verbs read first: the pull request as GitHub has it now, and the repository's configuration.</summary>
internal static class CommandPullRequests
{
    /// <summary>The pull request now, or null with the reason it could not be read.</summary>
    public static async Task<(GitHubPullRequest? Pull, string? Error)> GetAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var fetched = await context.Client.PullRequests.GetAsync(context.Repo.Owner, context.Repo.Name, context.Request.Number, cancellationToken);
        return fetched.TryGetValue(out var pull)
            ? (pull, null)
            : (null, $"GitHub did not answer when asked for #{context.Request.Number} ({CommandText.Line(fetched.Error!.Message, 160)}); try again");
    }

    /// <summary>The configuration from the default branch, or the strictest defaults when it is invalid (with <c>Valid</c> false).</summary>
    public static async Task<(RepoConfig Config, bool Valid)> ConfigAsync(CommandContext context, GitHubPullRequest pull, CancellationToken cancellationToken)
    {
        var parsed = await ReviewConfigSource.LoadAsync(context.Client, context.Repo, pull.Base.Repo?.DefaultBranch ?? pull.Base.Ref, cancellationToken);
        return parsed.Config is { } config ? (config, true) : (RepoConfigParser.Defaults, false);
    }

    /// <summary>The issue GitBot made this pull request for (<c>{prefix}/&lt;issue&gt;</c> in this repository), or null.</summary>
    public static int? GitBotIssue(RepoConfig config, GitHubPullRequest pull, string repository)
    {
        var sameRepository = string.Equals(pull.Head.Repo?.FullName, repository, StringComparison.OrdinalIgnoreCase);
        if (!ReviewEligibility.IsGitBotPullRequest(config, pull.Head.Ref, sameRepository))
        {
            return null;
        }

        var rest = pull.Head.Ref[(config.BranchPrefix.Length + 1)..];
        return int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issue) ? issue : null;
    }
}
