using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.OpenApi;

/// <summary>
/// Completes a response or webhook payload to its documented shape: every <c>required</c> property the handler did not
/// set gets a neutral value of the documented type (null where nullable, the first enum value, an empty string, zero,
/// false, an empty list, or a nested object filled the same way). Handlers therefore write only the fields that carry
/// meaning, and every body still has all the fields GitHub promises.
/// </summary>
internal sealed class SchemaFiller
{
    private const int MaxDepth = 24;

    private readonly OpenApiSpec _spec;
    private readonly string _now;

    public SchemaFiller(OpenApiSpec spec, DateTimeOffset now)
    {
        _spec = spec;
        _now = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Fills <paramref name="node"/> in place (objects and arrays) and returns it.</summary>
    public JsonNode? Fill(JsonElement schema, JsonNode? node) => Complete(schema, node, 0);

    private JsonNode? Complete(JsonElement schema, JsonNode? node, int depth)
    {
        schema = _spec.Resolve(schema);
        if (node is null || depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return node;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Complete(part, node, depth + 1);
            }
        }

        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && BestAlternative(alternatives, node) is { } chosen)
            {
                Complete(chosen, node, depth + 1);
            }
        }

        if (node is JsonObject obj)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!obj.ContainsKey(name))
                    {
                        obj[name] = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var ps)
                            ? Default(ps, depth + 1)
                            : null;
                    }
                }
            }

            if (properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonObject or JsonArray && properties.TryGetProperty(name, out var ps))
                    {
                        Complete(ps, value, depth + 1);
                    }
                }
            }
        }
        else if (node is JsonArray array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in array)
            {
                Complete(items, item, depth + 1);
            }
        }

        return node;
    }

    private JsonNode? Default(JsonElement schema, int depth)
    {
        schema = _spec.Resolve(schema);
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object || SchemaValidator.AllowsNull(_spec, schema))
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.GetArrayLength() > 0)
        {
            return JsonNode.Parse(allowed[0].GetRawText());
        }

        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && alternatives.GetArrayLength() > 0)
            {
                var first = Default(alternatives[0], depth + 1) ?? new JsonObject();
                return Complete(schema, first, depth + 1);
            }
        }

        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" when format == "date-time" => _now,
            "string" => string.Empty,
            "integer" or "number" => 0,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" or null when schema.TryGetProperty("properties", out _) || type == "object" =>
                Complete(schema, new JsonObject(), depth + 1),
            _ => null,
        };
    }

    /// <summary>The alternative of the node's kind whose required properties the node already has the most of.</summary>
    private JsonElement? BestAlternative(JsonElement alternatives, JsonNode node)
    {
        JsonElement? best = null;
        var bestScore = int.MinValue;
        foreach (var candidate in alternatives.EnumerateArray().Select(_spec.Resolve))
        {
            var type = candidate.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var kindFits = node switch
            {
                JsonObject => type is null or "object",
                JsonArray => type is null or "array",
                _ => false,
            };
            if (!kindFits)
            {
                continue;
            }

            var score = 0;
            if (node is JsonObject obj && candidate.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    score += obj.ContainsKey(name) ? 1 : -1;
                }
            }

            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }
}
