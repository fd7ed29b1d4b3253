namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A check suite: all check runs of one app on one commit.</summary>
public sealed record CheckSuite
{
    public required long Id { get; init; }

    public required string HeadSha { get; init; }

    public string? HeadBranch { get; init; }

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, ...; GitHub's schema allows null.</summary>
    public string? Status { get; init; }

    /// <summary>Null until the suite completes.</summary>
    public string? Conclusion { get; init; }

    public App? App { get; init; }

    public IReadOnlyList<PullRequestReference> PullRequests { get => field ?? []; init; }
}
