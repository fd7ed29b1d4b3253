using System.Collections.Concurrent;
using System.Text.Json;

namespace GitBot.Simulator.OpenApi;

/// <summary>
/// GitHub's OpenAPI description, parsed once per process and file (the document is 13 MB) and shared read-only by
/// every simulator: <see cref="JsonDocument"/> is safe for concurrent reads once built.
/// </summary>
internal sealed class OpenApiSpec
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiSpec>> Loaded = new(StringComparer.Ordinal);
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly JsonDocument _document;
    private readonly Dictionary<string, ApiOperation> _byId = new(StringComparer.Ordinal);

    private OpenApiSpec(string path)
    {
        using (var stream = File.OpenRead(path))
        {
            _document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }

        foreach (var pathItem in Root.GetProperty("paths").EnumerateObject())
        {
            var shared = pathItem.Value.TryGetProperty("parameters", out var p) ? ReadParameters(p) : [];
            foreach (var method in Methods)
            {
                if (pathItem.Value.TryGetProperty(method, out var operation))
                {
                    var built = BuildOperation(pathItem.Name, method.ToUpperInvariant(), operation, shared);
                    Routes.Add(built);
                    _byId[built.OperationId] = built;
                }
            }
        }
    }

    public JsonElement Root => _document.RootElement;

    public RouteTable Routes { get; } = new();

    public IReadOnlyDictionary<string, ApiOperation> OperationsById => _byId;

    /// <summary>The parsed description at <paramref name="path"/>, loaded on first use and kept for the process.</summary>
    public static OpenApiSpec Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<OpenApiSpec>(() => new OpenApiSpec(p))).Value;

    /// <summary>Follows <c>$ref</c> chains (<c>#/components/…</c>) to the schema they name.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        for (var hops = 0; hops < 32 && element.ValueKind == JsonValueKind.Object
                                     && element.TryGetProperty("$ref", out var reference); hops++)
        {
            element = Pointer(reference.GetString() ?? string.Empty);
        }

        return element;
    }

    /// <summary>The documented payload schema of a webhook, e.g. <c>issues</c> + <c>labeled</c>.</summary>
    public JsonElement? WebhookSchema(string eventName, string? action)
    {
        var key = eventName.Replace('_', '-') + (action is null ? string.Empty : "-" + action);
        return Root.GetProperty("x-webhooks").TryGetProperty(key, out var hook)
               && hook.TryGetProperty("post", out var post)
               && post.TryGetProperty("requestBody", out var body)
               && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? Resolve(json.GetProperty("schema"))
            : null;
    }

    private JsonElement Pointer(string reference)
    {
        var current = Root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return current;
    }

    private ApiOperation BuildOperation(string template, string method, JsonElement operation, List<ApiParameter> shared)
    {
        var parameters = new List<ApiParameter>(shared);
        if (operation.TryGetProperty("parameters", out var own))
        {
            parameters.AddRange(ReadParameters(own));
        }

        JsonElement? bodySchema = null;
        var bodyRequired = false;
        if (operation.TryGetProperty("requestBody", out var body))
        {
            body = Resolve(body);
            bodyRequired = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (body.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                && json.TryGetProperty("schema", out var schema))
            {
                bodySchema = Resolve(schema);
            }
        }

        var (status, successSchema) = Success(operation);
        var docs = operation.TryGetProperty("externalDocs", out var ext) && ext.TryGetProperty("url", out var url)
            ? url.GetString() ?? "https://docs.github.com/rest"
            : "https://docs.github.com/rest";
        var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ApiOperation(operation.GetProperty("operationId").GetString()!, method, template, segments,
            parameters, bodySchema, bodyRequired, status, successSchema, docs);
    }

    private (int Status, JsonElement? Schema) Success(JsonElement operation)
    {
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            if (response.Name.Length == 3 && response.Name[0] == '2')
            {
                var resolved = Resolve(response.Value);
                JsonElement? schema = resolved.TryGetProperty("content", out var content)
                                      && content.TryGetProperty("application/json", out var json)
                                      && json.TryGetProperty("schema", out var s)
                    ? Resolve(s)
                    : null;
                return (int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), schema);
            }
        }

        return (200, null);
    }

    private List<ApiParameter> ReadParameters(JsonElement list)
    {
        var result = new List<ApiParameter>();
        foreach (var item in list.EnumerateArray())
        {
            var p = Resolve(item);
            JsonElement? schema = p.TryGetProperty("schema", out var s) ? Resolve(s) : null;
            result.Add(new ApiParameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True,
                schema,
                p.TryGetProperty("x-multi-segment", out var m) && m.ValueKind == JsonValueKind.True));
        }

        return result;
    }
}
