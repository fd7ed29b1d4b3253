namespace GitBot.GitHub.Webhooks.Models;

/// <summary>
/// Present on an issue only when the issue is a pull request: GitHub delivers comments on pull requests as
/// <c>issue_comment</c> events, and this marker is how they are told apart.
/// </summary>
public sealed record IssuePullRequestLink
{
    public string? Url { get; init; }

    public string? HtmlUrl { get; init; }

    public DateTimeOffset? MergedAt { get; init; }
}
