namespace GitBot.Core.Dashboard;

/// <summary>Agent spend over the last <see cref="Days"/> days (UTC), per day (oldest first, every day present), per repository and per role (largest first).</summary>
public sealed record CostReport(int Days, IReadOnlyList<CostPoint> PerDay, IReadOnlyList<CostPoint> PerRepository, IReadOnlyList<CostPoint> PerRole);
