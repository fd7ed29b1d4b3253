namespace GitBot.Simulator.Git;

/// <summary>One entry of a tree listing: <c>blob</c> or <c>tree</c>, its object id, repo-relative path and size.</summary>
internal sealed record GitTreeEntry(string Type, string Sha, string Path, long Size);
