namespace GitBot.Simulator.State;

/// <summary>A repository label.</summary>
internal sealed record LabelState(long Id, string Name, string Color, string? Description);
