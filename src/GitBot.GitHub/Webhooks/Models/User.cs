using System.Text.Json.Serialization;

namespace GitBot.GitHub.Webhooks.Models;

/// <summary>
/// A GitHub account as webhooks show it (sender, authors, reviewers, installation accounts). GitHub always sends
/// <c>login</c>, <c>id</c> and <c>type</c>; a payload without them is malformed.
/// </summary>
public sealed record User
{
    public required string Login { get; init; }

    public required long Id { get; init; }

    /// <summary><c>User</c>, <c>Bot</c> or <c>Organization</c>.</summary>
    public required string Type { get; init; }

    /// <summary>
    /// True for GitHub App and other bot accounts. GitBot ignores events a bot caused, so its own comments and
    /// labels never trigger it again.
    /// </summary>
    [JsonIgnore]
    public bool IsBot => string.Equals(Type, "Bot", StringComparison.OrdinalIgnoreCase);
}
