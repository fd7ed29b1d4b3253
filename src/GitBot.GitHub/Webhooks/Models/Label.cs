namespace GitBot.GitHub.Webhooks.Models;

/// <summary>An issue or pull request label; GitBot's agent triggers are label names.</summary>
public sealed record Label
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public string? Color { get; init; }
}
