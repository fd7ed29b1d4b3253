namespace GitBot.Simulator.State;

/// <summary>An issue, or the conversation half of a pull request (they share one number sequence, as on GitHub).</summary>
internal sealed class IssueState(long id, int number, UserState user, string title, string? body, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public int Number { get; } = number;

    public UserState User { get; } = user;

    public string Title { get; set; } = title;

    public string? Body { get; set; } = body;

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset? ClosedAt { get; set; }

    public List<LabelState> Labels { get; } = [];

    public List<UserState> Assignees { get; } = [];

    public List<CommentState> Comments { get; } = [];

    public List<ReactionState> Reactions { get; } = [];

    /// <summary>Set when this number is a pull request.</summary>
    public PullState? Pull { get; set; }
}
