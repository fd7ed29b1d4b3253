namespace GitBot.Core.Dashboard;

/// <summary>One bar of a cost chart.</summary>
/// <param name="Label">A day (<c>yyyy-MM-dd</c>, UTC), a repository or a role.</param>
/// <param name="CostUsd">The spend.</param>
public sealed record CostPoint(string Label, decimal CostUsd);
