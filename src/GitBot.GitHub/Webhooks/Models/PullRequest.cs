namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A pull request in <c>pull_request</c>, <c>pull_request_review</c> and review comment events.</summary>
public sealed record PullRequest
{
    public required long Id { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    public string? Body { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    /// <summary>False when GitHub omitted it (older review payloads).</summary>
    public bool Draft { get; init; }

    /// <summary>Review events do not send <c>merged</c>: null means unknown, not "not merged".</summary>
    public bool? Merged { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    public string? MergeCommitSha { get; init; }

    public required PullRequestBranch Head { get; init; }

    public required PullRequestBranch Base { get; init; }

    /// <summary>The author; GitHub's schema allows null.</summary>
    public User? User { get; init; }

    public IReadOnlyList<Label> Labels { get => field ?? []; init; }

    public string? AuthorAssociation { get; init; }

    public string? HtmlUrl { get; init; }
}
