using System.Text.Json.Serialization;

namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The repository an event happened in (also the head and base repositories of a pull request).</summary>
public sealed record Repository
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    /// <summary><c>owner/name</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>GitHub's schema allows a null owner (push payloads, fork heads); use <see cref="OwnerLogin"/>.</summary>
    public User? Owner { get; init; }

    public required string DefaultBranch { get; init; }

    public required bool Private { get; init; }

    public required bool Fork { get; init; }

    public required string CloneUrl { get; init; }

    public string? HtmlUrl { get; init; }

    /// <summary>The owner's login, taken from <see cref="Owner"/> or, when GitHub sent none, from <see cref="FullName"/>.</summary>
    [JsonIgnore]
    public string OwnerLogin => Owner?.Login ?? FullName[..Math.Max(0, FullName.IndexOf('/', StringComparison.Ordinal))];
}
