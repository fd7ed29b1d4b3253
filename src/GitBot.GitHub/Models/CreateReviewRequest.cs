namespace GitBot.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews</c>; <see cref="CommitId"/> pins the review to the head it judged.</summary>
public sealed record CreateReviewRequest(ReviewEvent Event, string? Body = null, string? CommitId = null, IReadOnlyList<ReviewCommentDraft>? Comments = null);
