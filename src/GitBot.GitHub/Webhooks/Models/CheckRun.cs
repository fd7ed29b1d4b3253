namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A check run; GitBot creates its own and the merge gate reads everyone's.</summary>
public sealed record CheckRun
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string HeadSha { get; init; }

    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, ...</summary>
    public required string Status { get; init; }

    /// <summary>Null until the run completes.</summary>
    public string? Conclusion { get; init; }

    public string? ExternalId { get; init; }

    public string? DetailsUrl { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>GitHub's schema allows null.</summary>
    public App? App { get; init; }

    public required CheckSuite CheckSuite { get; init; }

    public IReadOnlyList<PullRequestReference> PullRequests { get => field ?? []; init; }
}
