using System.Text.Json.Serialization;
using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>push</c>: commits were pushed to a branch or tag, or a ref was created or deleted.</summary>
public sealed record PushEvent : WebhookEvent
{
    public const string EventName = "push";

    /// <summary>The full ref, e.g. <c>refs/heads/main</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The old tip; all zeros when the ref was created.</summary>
    public required string Before { get; init; }

    /// <summary>The new tip; all zeros when the ref was deleted.</summary>
    public required string After { get; init; }

    public bool Created { get; init; }

    public bool Deleted { get; init; }

    public bool Forced { get; init; }

    public string? BaseRef { get; init; }

    /// <summary>At most 2048 commits; empty for deletions.</summary>
    public IReadOnlyList<PushCommit> Commits { get => field ?? []; init; }

    /// <summary>Null when the ref was deleted.</summary>
    public PushCommit? HeadCommit { get; init; }

    public required CommitUser Pusher { get; init; }

    [JsonIgnore]
    public IEnumerable<string> CommitIds => Commits.Select(c => c.Id);
}
