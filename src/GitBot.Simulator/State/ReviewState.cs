namespace GitBot.Simulator.State;

/// <summary>A submitted (or pending) pull request review with its inline comments.</summary>
internal sealed class ReviewState(long id, UserState user, string? body, string state, string commitId, DateTimeOffset? submittedAt)
{
    public long Id { get; } = id;

    public UserState User { get; } = user;

    public string? Body { get; } = body;

    /// <summary><c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, <c>COMMENTED</c>, <c>DISMISSED</c> or <c>PENDING</c>.</summary>
    public string State { get; set; } = state;

    public string CommitId { get; } = commitId;

    public DateTimeOffset? SubmittedAt { get; } = submittedAt;

    public string? DismissalMessage { get; set; }

    public List<ReviewCommentState> Comments { get; } = [];
}
