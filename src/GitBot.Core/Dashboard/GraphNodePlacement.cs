namespace GitBot.Core.Dashboard;

/// <summary>Where a node goes: its layer (dependency depth, 0 for no dependencies), row within the layer and box.</summary>
public sealed record GraphNodePlacement(string Id, int Layer, int Row, double X, double Y, double Width, double Height);
