namespace GitBot.GitHub.Webhooks.Models;

/// <summary>An inline comment on a pull request diff (<c>pull_request_review_comment</c>).</summary>
public sealed record ReviewComment
{
    public required long Id { get; init; }

    public required string Body { get; init; }

    /// <summary>The author; GitHub's schema allows null.</summary>
    public User? User { get; init; }

    public required string AuthorAssociation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The file the comment is on, relative to the repository root.</summary>
    public required string Path { get; init; }

    public required string CommitId { get; init; }

    public long? PullRequestReviewId { get; init; }

    /// <summary>Set when the comment replies to another review comment.</summary>
    public long? InReplyToId { get; init; }

    public int? Line { get; init; }

    public int? Position { get; init; }

    public string? DiffHunk { get; init; }

    public string? HtmlUrl { get; init; }
}
