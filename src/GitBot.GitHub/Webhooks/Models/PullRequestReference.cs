namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The short pull request form check runs, check suites and workflow runs list.</summary>
public sealed record PullRequestReference
{
    public long Id { get; init; }

    public required int Number { get; init; }

    public CommitRef? Head { get; init; }

    public CommitRef? Base { get; init; }
}
