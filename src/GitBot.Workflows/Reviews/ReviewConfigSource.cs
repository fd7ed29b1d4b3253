using GitBot.Agents.Configuration;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// The repository configuration the review agents and the gate follow: always from the default branch (a pull
/// request cannot loosen its own gate by editing <c>.github/gitbot.yml</c> on its branch). A failed read throws
/// <see cref="RetryableDeliveryException"/>, so the delivery or job is retried rather than run on made-up defaults.
/// </summary>
public static class ReviewConfigSource
{
    /// <summary>The parsed configuration, or its problems.</summary>
    public static async Task<RepoConfigParseResult> LoadAsync(GitHubClient client, RepositoryName repository, string defaultBranch,
        CancellationToken cancellationToken)
    {
        var files = await RepoConfigLoader.LoadAsync(client, repository, defaultBranch, cancellationToken);
        if (!files.TryGetValue(out var configFiles))
        {
            throw new RetryableDeliveryException($"reading the GitBot configuration of {repository} failed: {files.Error}");
        }

        return RepoConfigParser.Parse(configFiles);
    }
}
