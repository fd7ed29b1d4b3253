namespace GitBot.GitHub.Models;

/// <summary>
/// An inline review comment: on <see cref="Line"/> of <see cref="Path"/> on <see cref="Side"/> (<c>RIGHT</c> or
/// <c>LEFT</c>; null for a comment on a whole file or an outdated one), from <see cref="StartLine"/> for a range, made on
/// <see cref="CommitId"/> as part of review <see cref="PullRequestReviewId"/>.
/// </summary>
public sealed record GitHubReviewComment(
    long Id,
    string Path,
    int? Line,
    string? Side,
    string Body,
    GitHubUser User,
    string CommitId,
    long? PullRequestReviewId,
    int? StartLine = null,
    string? DiffHunk = null,
    string? HtmlUrl = null,
    DateTimeOffset? CreatedAt = null);
