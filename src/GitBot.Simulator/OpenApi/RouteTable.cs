namespace GitBot.Simulator.OpenApi;

/// <summary>
/// A segment trie over the documented path templates. Matching walks the request's segments once, trying the
/// literal child before the parameter child (so <c>/repos/{o}/{r}/issues/comments</c> beats <c>…/issues/{number}</c>)
/// and backtracking only where a branch dead-ends; a parameter marked <c>x-multi-segment</c> in the last position
/// (a contents path) may absorb the rest of the path.
/// </summary>
internal sealed class RouteTable
{
    private readonly Node _root = new();

    public void Add(ApiOperation operation)
    {
        var node = _root;
        foreach (var segment in operation.Segments)
        {
            node = IsParameter(segment)
                ? node.Parameter ??= new Node()
                : node.Literals.TryGetValue(segment, out var next) ? next : node.Literals[segment] = new Node();
        }

        node.Operations[operation.Method] = operation;
    }

    public RouteMatch? Match(string method, IReadOnlyList<string> segments)
    {
        var operation = Find(_root, method, segments, 0);
        if (operation is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var template = operation.Segments;
        for (var i = 0; i < template.Count; i++)
        {
            if (!IsParameter(template[i]))
            {
                continue;
            }

            var name = template[i][1..^1];
            parameters[name] = i == template.Count - 1 && segments.Count > template.Count
                ? string.Join('/', segments.Skip(i))
                : segments[i];
        }

        return new RouteMatch(operation, parameters);
    }

    public static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private static ApiOperation? Find(Node node, string method, IReadOnlyList<string> segments, int index)
    {
        if (index == segments.Count)
        {
            return node.Operations.GetValueOrDefault(method);
        }

        if (node.Literals.TryGetValue(segments[index], out var literal)
            && Find(literal, method, segments, index + 1) is { } viaLiteral)
        {
            return viaLiteral;
        }

        if (node.Parameter is null || segments[index].Length == 0)
        {
            return null;
        }

        if (Find(node.Parameter, method, segments, index + 1) is { } viaParameter)
        {
            return viaParameter;
        }

        // A trailing multi-segment parameter (contents paths) takes the remaining segments.
        return node.Parameter.Operations.GetValueOrDefault(method) is { } tail
               && tail.Parameters.Any(p => p.MultiSegment && p.In == "path")
            ? tail
            : null;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Literals { get; } = new(StringComparer.Ordinal);

        public Node? Parameter { get; set; }

        public Dictionary<string, ApiOperation> Operations { get; } = new(StringComparer.Ordinal);
    }
}
