namespace GitBot.Core.Executors;

/// <summary>A runner's first call (<c>POST .../started</c>): which Actions run is working on the task.</summary>
public sealed record RunnerStarted(long RunId);
