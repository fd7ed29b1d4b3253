namespace GitBot.Core.Dashboard;

/// <summary>An edge from a dependency to its dependent: from the right middle of one box to the left middle of the other.</summary>
public sealed record GraphEdgePlacement(string From, string To, double X1, double Y1, double X2, double Y2);
