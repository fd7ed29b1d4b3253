using GitBot.Core.Configuration;

namespace GitBot.Workflows.Reviews;

/// <summary>Which pull requests the review agents and the gate look after on their own.</summary>
public static class ReviewEligibility
{
    /// <summary>True for a head branch of GitBot's under the configured prefix (<c>gitbot/…</c>).</summary>
    public static bool IsGitBotBranch(RepoConfig config, string? headRef)
    {
        ArgumentNullException.ThrowIfNull(config);
        return headRef is not null && headRef.StartsWith(config.BranchPrefix + "/", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for GitBot's own pull request: its head is a branch under the prefix <em>of this repository</em> (a fork's
    /// branch may be called anything, so a fork's <c>gitbot/7</c> is not GitBot's).
    /// </summary>
    public static bool IsGitBotPullRequest(RepoConfig config, string? headRef, bool headInSameRepository) =>
        headInSameRepository && IsGitBotBranch(config, headRef);

    /// <summary>
    /// True when the pull request is reviewed on open and push: GitBot's own (drafts included: GitBot opens drafts and
    /// reviews are what make them ready), or any ready pull request when the repository asks for all. For the latter the
    /// caller still checks that whoever opened or pushed may spend (write permission).
    /// </summary>
    public static bool ReviewsAutomatically(RepoConfig config, string? headRef, bool draft, bool headInSameRepository)
    {
        ArgumentNullException.ThrowIfNull(config);
        return IsGitBotPullRequest(config, headRef, headInSameRepository) || (config.Reviews.Scope == ReviewScope.All && !draft);
    }

    /// <summary>True when the gate is kept on the pull request: GitBot's own, or every pull request when the repository asks for all.</summary>
    public static bool Gated(RepoConfig config, string? headRef)
    {
        ArgumentNullException.ThrowIfNull(config);
        return IsGitBotBranch(config, headRef) || config.Reviews.Scope == ReviewScope.All;
    }
}
