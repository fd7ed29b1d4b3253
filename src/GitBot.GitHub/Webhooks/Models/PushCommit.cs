namespace GitBot.GitHub.Webhooks.Models;

/// <summary>One commit of a push (GitHub lists at most 2048).</summary>
public sealed record PushCommit
{
    public required string Id { get; init; }

    public string? Message { get; init; }

    /// <summary>False when the commit was already on another branch of the repository.</summary>
    public bool Distinct { get; init; }

    public CommitUser? Author { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
