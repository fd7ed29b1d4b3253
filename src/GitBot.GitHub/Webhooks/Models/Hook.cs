namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The webhook a <c>ping</c> event was sent for.</summary>
public sealed record Hook
{
    public required long Id { get; init; }

    /// <summary><c>Repository</c>, <c>Organization</c> or <c>App</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Set for GitHub App webhooks.</summary>
    public long? AppId { get; init; }

    public IReadOnlyList<string> Events { get => field ?? []; init; }
}
