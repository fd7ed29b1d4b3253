using GitBot.Agents.Configuration;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Results;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Issues;

/// <summary>
/// Reads a repository's GitBot configuration files from its default branch only (never from an issue's or a pull
/// request's branch, which anyone who can push a branch controls): <c>.github/gitbot.yml</c> and the Markdown role
/// files under <c>.claude/agents</c> and <c>.github/agents</c>. A missing file or directory means defaults.
/// </summary>
public static class RepoConfigLoader
{
    /// <summary>The files (path → text), or the GitHub error that kept them from being read.</summary>
    public static async Task<GitHubResult<IReadOnlyDictionary<string, string>>> LoadAsync(
        GitHubClient client, RepositoryName repo, string defaultBranch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = await client.Contents.GetFileAsync(repo.Owner, repo.Name, RepoConfigFiles.ConfigPath, defaultBranch, cancellationToken);
        if (config.TryGetValue(out var content))
        {
            files[RepoConfigFiles.ConfigPath] = content.DecodeText() ?? string.Empty;
        }
        else if (config.Error!.Kind != GitHubErrorKind.NotFound)
        {
            return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(config.Error);
        }

        foreach (var directory in RepoConfigFiles.RoleDirectories)
        {
            var listed = await client.Contents.ListDirectoryAsync(repo.Owner, repo.Name, directory, defaultBranch, cancellationToken);
            if (!listed.TryGetValue(out var entries))
            {
                if (listed.Error!.Kind == GitHubErrorKind.NotFound)
                {
                    continue;
                }

                return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(listed.Error);
            }

            foreach (var entry in entries.Where(e => e.Type == "file" && e.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                var file = await client.Contents.GetFileAsync(repo.Owner, repo.Name, entry.Path, defaultBranch, cancellationToken);
                if (!file.TryGetValue(out var fileContent))
                {
                    return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(file.Error!);
                }

                files[entry.Path] = fileContent.DecodeText() ?? string.Empty;
            }
        }

        return GitHubResult<IReadOnlyDictionary<string, string>>.Success(files);
    }
}
