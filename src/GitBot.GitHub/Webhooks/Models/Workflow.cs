namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A GitHub Actions workflow definition.</summary>
public sealed record Workflow
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The workflow file, e.g. <c>.github/workflows/ci.yml</c>.</summary>
    public string? Path { get; init; }
}
