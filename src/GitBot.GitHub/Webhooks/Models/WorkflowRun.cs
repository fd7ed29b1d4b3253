namespace GitBot.GitHub.Webhooks.Models;

/// <summary>One run of a GitHub Actions workflow.</summary>
public sealed record WorkflowRun
{
    public required long Id { get; init; }

    /// <summary>GitHub's schema allows null.</summary>
    public string? Name { get; init; }

    public required string HeadSha { get; init; }

    public string? HeadBranch { get; init; }

    /// <summary><c>requested</c>, <c>queued</c>, <c>in_progress</c>, <c>completed</c>, ...</summary>
    public required string Status { get; init; }

    /// <summary>Null until the run completes.</summary>
    public string? Conclusion { get; init; }

    /// <summary>The event that started the run, e.g. <c>push</c>, <c>pull_request</c>, <c>workflow_dispatch</c>.</summary>
    public required string Event { get; init; }

    public long RunNumber { get; init; }

    public long WorkflowId { get; init; }

    public long? CheckSuiteId { get; init; }

    public IReadOnlyList<PullRequestReference> PullRequests { get => field ?? []; init; }

    public string? HtmlUrl { get; init; }
}
