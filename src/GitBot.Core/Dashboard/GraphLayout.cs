namespace GitBot.Core.Dashboard;

/// <summary>A laid-out graph: nodes in input order, edges, and the size of the drawing.</summary>
public sealed record GraphLayout(IReadOnlyList<GraphNodePlacement> Nodes, IReadOnlyList<GraphEdgePlacement> Edges, double Width, double Height);
