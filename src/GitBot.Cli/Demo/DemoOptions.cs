namespace GitBot.Cli.Demo;

/// <summary>
/// What <c>gitbot demo</c> was asked for. <see cref="Directory"/> holds everything the demo writes (bare repository,
/// data directory with the SQLite database and agent logs, worktrees); it is kept afterwards unless
/// <see cref="Clean"/> is set, so there is something to look at.
/// </summary>
public sealed record DemoOptions(DemoAgent Agent, string Directory, TimeSpan Timeout, bool Clean, bool Interactive);
