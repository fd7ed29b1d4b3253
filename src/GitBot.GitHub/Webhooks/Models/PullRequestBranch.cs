namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The head or base side of a pull request: branch name, commit and repository.</summary>
public sealed record PullRequestBranch
{
    public required string Ref { get; init; }

    public required string Sha { get; init; }

    /// <summary><c>owner:branch</c>.</summary>
    public string? Label { get; init; }

    /// <summary>Null when the head fork was deleted.</summary>
    public Repository? Repo { get; init; }
}
