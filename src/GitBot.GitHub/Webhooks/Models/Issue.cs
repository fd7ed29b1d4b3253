using System.Text.Json.Serialization;

namespace GitBot.GitHub.Webhooks.Models;

/// <summary>An issue (or a pull request seen as an issue) in <c>issues</c> and <c>issue_comment</c> events.</summary>
public sealed record Issue
{
    public required long Id { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    /// <summary>Null when the issue has no description.</summary>
    public string? Body { get; init; }

    /// <summary><c>open</c> or <c>closed</c>; some actions (e.g. <c>pinned</c>) omit it.</summary>
    public string? State { get; init; }

    /// <summary>Empty when GitHub omitted the list.</summary>
    public IReadOnlyList<Label> Labels { get => field ?? []; init; }

    /// <summary>The author; GitHub's schema allows null.</summary>
    public User? User { get; init; }

    public string? AuthorAssociation { get; init; }

    public string? HtmlUrl { get; init; }

    /// <summary>Set only when this issue is a pull request.</summary>
    public IssuePullRequestLink? PullRequest { get; init; }

    [JsonIgnore]
    public bool IsPullRequest => PullRequest is not null;
}
