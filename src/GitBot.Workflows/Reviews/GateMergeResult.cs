namespace GitBot.Workflows.Reviews;

/// <summary>A merge through the gate.</summary>
/// <param name="Merged">True when GitHub merged the pull request.</param>
/// <param name="HeadSha">The head that was judged and passed as <c>sha</c>: GitHub merges only if it is still the head.</param>
/// <param name="MergeCommitSha">The merge commit, when merged.</param>
/// <param name="Error">Why GitHub refused (e.g. "Head branch was modified"), when not merged.</param>
public sealed record GateMergeResult(bool Merged, string HeadSha, string? MergeCommitSha, string? Error);
