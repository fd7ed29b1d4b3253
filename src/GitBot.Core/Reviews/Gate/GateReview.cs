namespace GitBot.Core.Reviews.Gate;

/// <summary>One submitted pull request review, as listed by GitHub.</summary>
/// <param name="Id">The review id; breaks ties between reviews submitted at the same instant (later id wins).</param>
/// <param name="UserLogin">The reviewer's login.</param>
/// <param name="UserType">GitHub's user type: <c>User</c> for people, <c>Bot</c> for Apps; only <c>User</c> can approve.</param>
/// <param name="State">The review state.</param>
/// <param name="CommitId">The commit the review was submitted on (<c>commit_id</c>).</param>
/// <param name="SubmittedAt">When it was submitted; null for a pending (draft) review.</param>
public sealed record GateReview(
    long Id,
    string UserLogin,
    string UserType,
    GateReviewState State,
    string CommitId,
    DateTimeOffset? SubmittedAt);
