namespace GitBot.Core.Dashboard;

/// <summary>
/// Lays a dependency graph out in layers, left to right: a node's layer is the length of the longest dependency chain
/// below it, so every edge points rightwards. Within a layer nodes are ordered by the mean row of their dependencies
/// (fewer crossings), ties by input order. Guarantees: deterministic; unknown dependencies and self-references are
/// ignored; a cycle (which a valid plan never has) cannot loop: depths are capped at the node count.
/// </summary>
public static class TaskGraphLayout
{
    /// <summary>Box width.</summary>
    public const double NodeWidth = 200;

    /// <summary>Box height.</summary>
    public const double NodeHeight = 64;

    /// <summary>Space between layers (room for the edges).</summary>
    public const double LayerGap = 56;

    /// <summary>Space between rows.</summary>
    public const double RowGap = 20;

    /// <summary>Space around the drawing.</summary>
    public const double Margin = 12;

    /// <summary>Lays out <paramref name="nodes"/>; duplicates after the first occurrence of an id are ignored.</summary>
    public static GraphLayout Layout(IReadOnlyList<GraphNodeInput> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<GraphNodeInput>();
        foreach (var node in nodes)
        {
            if (order.TryAdd(node.Id, unique.Count))
            {
                unique.Add(node);
            }
        }

        var dependencies = unique.ToDictionary(
            n => n.Id,
            n => n.DependsOn.Where(d => order.ContainsKey(d) && d != n.Id).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var depth = Depths(unique, dependencies);

        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var layers = unique.GroupBy(n => depth[n.Id]).OrderBy(g => g.Key).ToList();
        foreach (var layer in layers)
        {
            var ordered = layer
                .OrderBy(n => MeanRow(dependencies[n.Id], rows))
                .ThenBy(n => order[n.Id])
                .ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                rows[ordered[i].Id] = i;
            }
        }

        var placements = unique
            .Select(n => new GraphNodePlacement(n.Id, depth[n.Id], rows[n.Id], X(depth[n.Id]), Y(rows[n.Id]), NodeWidth, NodeHeight))
            .ToList();
        var byId = placements.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var edges = unique
            .SelectMany(n => dependencies[n.Id].Select(d => (From: byId[d], To: byId[n.Id])))
            .Select(e => new GraphEdgePlacement(e.From.Id, e.To.Id, e.From.X + NodeWidth, e.From.Y + (NodeHeight / 2), e.To.X, e.To.Y + (NodeHeight / 2)))
            .ToList();
        var layerCount = layers.Count;
        var rowCount = layers.Count == 0 ? 0 : layers.Max(l => l.Count());
        var width = layerCount == 0 ? 2 * Margin : (2 * Margin) + (layerCount * NodeWidth) + ((layerCount - 1) * LayerGap);
        var height = rowCount == 0 ? 2 * Margin : (2 * Margin) + (rowCount * NodeHeight) + ((rowCount - 1) * RowGap);
        return new GraphLayout(placements, edges, width, height);
    }

    /// <summary>The mean row of the dependencies already placed (in earlier layers; in a cycle some are not), or last.</summary>
    private static double MeanRow(List<string> dependencies, Dictionary<string, int> rows)
    {
        var placed = dependencies.Where(rows.ContainsKey).ToList();
        return placed.Count == 0 ? double.MaxValue : placed.Average(d => rows[d]);
    }

    private static double X(int layer) => Margin + (layer * (NodeWidth + LayerGap));

    private static double Y(int row) => Margin + (row * (NodeHeight + RowGap));

    /// <summary>Longest-path depth by relaxation; at most n rounds, so a cycle ends with capped depths.</summary>
    private static Dictionary<string, int> Depths(List<GraphNodeInput> nodes, Dictionary<string, List<string>> dependencies)
    {
        var depth = nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        var cap = Math.Max(0, nodes.Count - 1);
        for (var round = 0; round < nodes.Count; round++)
        {
            var changed = false;
            foreach (var node in nodes)
            {
                foreach (var dependency in dependencies[node.Id])
                {
                    var wanted = Math.Min(cap, depth[dependency] + 1);
                    if (wanted > depth[node.Id])
                    {
                        depth[node.Id] = wanted;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return depth;
    }
}
