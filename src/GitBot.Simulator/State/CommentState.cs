namespace GitBot.Simulator.State;

/// <summary>A comment on an issue or pull request conversation.</summary>
internal sealed class CommentState(long id, int issueNumber, UserState user, string body, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public int IssueNumber { get; } = issueNumber;

    public UserState User { get; } = user;

    public string Body { get; set; } = body;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public List<ReactionState> Reactions { get; } = [];
}
