using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>The outcome of parsing a repository's configuration.</summary>
/// <param name="Config">The configuration; null whenever <paramref name="Problems"/> is not empty (nothing runs on a bad config).</param>
/// <param name="Problems">Every problem found, in file and line order; empty when <paramref name="Config"/> is set.</param>
public sealed record RepoConfigParseResult(RepoConfig? Config, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the configuration is usable.</summary>
    public bool IsValid => Config is not null;
}
