namespace GitBot.Simulator.State;

/// <summary>An emoji reaction on an issue or comment.</summary>
internal sealed record ReactionState(long Id, string Content, UserState User, DateTimeOffset CreatedAt);
