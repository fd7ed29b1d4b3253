namespace GitBot.Core.Dashboard;

/// <summary>A node to lay out: its id and the ids it depends on (unknown ids are ignored).</summary>
public sealed record GraphNodeInput(string Id, IReadOnlyList<string> DependsOn);
