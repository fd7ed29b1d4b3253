namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A pull request review. The merge gate reads its state and the commit it was given on.</summary>
public sealed record Review
{
    public required long Id { get; init; }

    /// <summary>
    /// Lower case in webhooks: <c>approved</c>, <c>changes_requested</c>, <c>commented</c>, <c>dismissed</c>
    /// (the REST API spells the same states in upper case).
    /// </summary>
    public required string State { get; init; }

    public string? Body { get; init; }

    /// <summary>The head commit the review was given on; an approval applies to this commit only.</summary>
    public required string CommitId { get; init; }

    /// <summary>The reviewer; GitHub's schema allows null.</summary>
    public User? User { get; init; }

    public string? AuthorAssociation { get; init; }

    /// <summary>Null while the review is pending.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    public string? HtmlUrl { get; init; }
}
