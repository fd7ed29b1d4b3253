namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The GitHub App that owns a check run or check suite; the merge gate trusts checks by app id.</summary>
public sealed record App
{
    /// <summary>GitHub's schema allows null for check suites.</summary>
    public long? Id { get; init; }

    public string? Slug { get; init; }

    public string? Name { get; init; }
}
