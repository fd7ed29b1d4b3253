namespace GitBot.Git.Repositories;

/// <summary>
/// The result of <see cref="BranchMerger.MergeAsync"/>: the commit the target should move to (<paramref name="Sha"/>;
/// the target itself when already up to date, null on conflict) and, on conflict, the conflicting paths.
/// </summary>
public sealed record MergeOutcome(MergeStatus Status, string? Sha, IReadOnlyList<string> ConflictingFiles);
