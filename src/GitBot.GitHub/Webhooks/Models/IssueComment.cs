namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A comment on an issue or pull request conversation; <c>/agent</c> commands arrive as these.</summary>
public sealed record IssueComment
{
    public required long Id { get; init; }

    public required string Body { get; init; }

    /// <summary>The author; GitHub's schema allows null.</summary>
    public User? User { get; init; }

    /// <summary><c>OWNER</c>, <c>MEMBER</c>, <c>COLLABORATOR</c>, <c>CONTRIBUTOR</c>, <c>NONE</c>, ...</summary>
    public required string AuthorAssociation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? HtmlUrl { get; init; }
}
