namespace GitBot.Agents.Configuration;

/// <summary>A label that hands an issue to GitBot.</summary>
/// <param name="Label">The label as applied.</param>
/// <param name="PinnedRole">For <c>agent:role</c>, the role (lower-case, not yet checked against the known roles); otherwise null.</param>
public sealed record TriggerLabelMatch(string Label, string? PinnedRole);
