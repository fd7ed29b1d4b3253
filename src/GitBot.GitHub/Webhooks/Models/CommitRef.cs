namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A branch and commit as check runs, check suites and workflow runs reference pull request sides.</summary>
public sealed record CommitRef
{
    public required string Ref { get; init; }

    public required string Sha { get; init; }
}
