namespace GitBot.Agents.Sandbox;

/// <summary>The variables an agent process gets, and the names that were asked for but refused (for the run log).</summary>
public sealed record AgentEnvironment(IReadOnlyDictionary<string, string> Variables, IReadOnlyList<string> Refused);
