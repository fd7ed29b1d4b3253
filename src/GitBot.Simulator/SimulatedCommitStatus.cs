namespace GitBot.Simulator;

/// <summary>A commit status as created through <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
public sealed record SimulatedCommitStatus(long Id, string Sha, string State, string Context, string? Description, string? TargetUrl);
