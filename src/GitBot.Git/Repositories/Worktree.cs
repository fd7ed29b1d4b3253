namespace GitBot.Git.Repositories;

/// <summary>A working directory checked out on <paramref name="Branch"/>, belonging to the repository cache at <paramref name="CachePath"/>.</summary>
public sealed record Worktree(string Path, string Branch, string CachePath);
