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
    /// <summary>
    /// The files (path → text), or the GitHub error that kept them from being read. The configuration file and the
    /// role directories are asked for at once, then the role files at once: a load costs two round trips, not one
    /// per file (it runs on every review job and gate recompute).
    /// </summary>
    public static Task<GitHubResult<IReadOnlyDictionary<string, string>>> LoadAsync(
        GitHubClient client, RepositoryName repo, string defaultBranch, CancellationToken cancellationToken) =>
        LoadAsync(client, repo, defaultBranch, NodeSettings, cancellationToken);

    /// <summary>
    /// The process's <c>Agents:ConfigPath</c> and <c>Agents:ConfigOverlay</c>, used by the overload without settings.
    /// Process-wide because they are the node operator's (one per process, like every <c>Agents:*</c> setting) and the
    /// loader's callers are static; a host sets it once before it starts handling events (<c>gitbot run-event</c> does).
    /// Default: <see cref="NodeConfigSettings.None"/>.
    /// </summary>
    public static NodeConfigSettings NodeSettings
    {
        get => Volatile.Read(ref _nodeSettings);
        set => Volatile.Write(ref _nodeSettings, value ?? NodeConfigSettings.None);
    }

    private static NodeConfigSettings _nodeSettings = NodeConfigSettings.None;

    /// <summary>
    /// As above, reading the node's configured path instead of <c>.github/gitbot.yml</c> and adding the node's overlay
    /// (see <see cref="NodeConfigSettings.AddTo"/>), so a plan's snapshot keeps both.
    /// </summary>
    public static async Task<GitHubResult<IReadOnlyDictionary<string, string>>> LoadAsync(
        GitHubClient client, RepositoryName repo, string defaultBranch, NodeConfigSettings node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(node);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var configPath = node.EffectiveConfigPath;
        var configTask = client.Contents.GetFileAsync(repo.Owner, repo.Name, configPath, defaultBranch, cancellationToken);
        var listTasks = RepoConfigFiles.RoleDirectories
            .Select(directory => client.Contents.ListDirectoryAsync(repo.Owner, repo.Name, directory, defaultBranch, cancellationToken))
            .ToList();
        var config = await configTask;
        if (config.TryGetValue(out var content))
        {
            files[configPath] = content.DecodeText() ?? string.Empty;
        }
        else if (config.Error!.Kind != GitHubErrorKind.NotFound)
        {
            return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(config.Error);
        }

        var rolePaths = new List<string>();
        foreach (var listed in await Task.WhenAll(listTasks))
        {
            if (!listed.TryGetValue(out var entries))
            {
                if (listed.Error!.Kind == GitHubErrorKind.NotFound)
                {
                    continue;
                }

                return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(listed.Error);
            }

            rolePaths.AddRange(entries.Where(e => e.Type == "file" && e.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Select(e => e.Path));
        }

        // At most 8 requests at a time: GitHub's secondary rate limit punishes bursts.
        foreach (var chunk in rolePaths.Chunk(8))
        {
            var read = await Task.WhenAll(chunk.Select(path => client.Contents.GetFileAsync(repo.Owner, repo.Name, path, defaultBranch, cancellationToken)));
            for (var index = 0; index < chunk.Length; index++)
            {
                if (!read[index].TryGetValue(out var fileContent))
                {
                    return GitHubResult<IReadOnlyDictionary<string, string>>.Failure(read[index].Error!);
                }

                files[chunk[index]] = fileContent.DecodeText() ?? string.Empty;
            }
        }

        node.AddTo(files);
        return GitHubResult<IReadOnlyDictionary<string, string>>.Success(files);
    }
}
