namespace GitBot.Simulator;

/// <summary>A snapshot of an issue comment: who wrote it, what it says, and its reactions (by content, e.g. <c>eyes</c>).</summary>
public sealed record SimulatedComment(long Id, string Author, string Body, IReadOnlyList<string> Reactions);
