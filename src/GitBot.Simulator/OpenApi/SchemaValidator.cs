using System.Text.Json;

namespace GitBot.Simulator.OpenApi;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema: types (with <c>nullable</c>), <c>required</c>, <c>enum</c>,
/// array items and bounds, string length, numeric bounds, <c>allOf</c>, and <c>oneOf</c>/<c>anyOf</c> read as
/// "at least one alternative fits" (GitHub's own server is that lenient). Unknown properties are allowed, as on GitHub.
/// </summary>
internal static class SchemaValidator
{
    private const int MaxDepth = 64;

    public static List<SchemaViolation> Validate(OpenApiSpec spec, JsonElement schema, JsonElement value)
    {
        var violations = new List<SchemaViolation>();
        Check(spec, schema, value, string.Empty, violations, 0);
        return violations;
    }

    private static void Check(OpenApiSpec spec, JsonElement schema, JsonElement value, string field,
        List<SchemaViolation> violations, int depth)
    {
        schema = spec.Resolve(schema);
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!AllowsNull(spec, schema))
            {
                violations.Add(new SchemaViolation(field, "invalid", $"{Name(field)} must not be null"));
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(spec, part, value, field, violations, depth + 1);
            }
        }

        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && !AnyFits(spec, alternatives, value, field, depth))
            {
                violations.Add(new SchemaViolation(field, "invalid",
                    $"{Name(field)} matches none of the documented alternatives ({keyword})"));
                return;
            }
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && !HasType(value, type.GetString()!))
        {
            violations.Add(new SchemaViolation(field, "invalid",
                $"{Name(field)} must be of type {type.GetString()}, not {Describe(value)}"));
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => SameValue(a, value)))
        {
            var list = string.Join(", ", allowed.EnumerateArray().Select(a => a.GetRawText()));
            violations.Add(new SchemaViolation(field, "invalid",
                $"{value.GetRawText()} is not a member of [{list}] for {Name(field)}"));
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(spec, schema, value, field, violations, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(spec, schema, value, field, violations, depth);
                break;
            case JsonValueKind.String:
                CheckBounds(schema, "minLength", "maxLength", value.GetString()!.Length, field, "length", violations);
                break;
            case JsonValueKind.Number:
                CheckBounds(schema, "minimum", "maximum", value.GetDouble(), field, "value", violations);
                break;
        }
    }

    private static void CheckObject(OpenApiSpec spec, JsonElement schema, JsonElement value, string field,
        List<SchemaViolation> violations, int depth)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    violations.Add(new SchemaViolation(Join(field, name), "missing_field",
                        $"{Join(field, name)} is a required property"));
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasExtra = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object;
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(spec, propertySchema, property.Value, Join(field, property.Name), violations, depth + 1);
            }
            else if (hasExtra)
            {
                Check(spec, extra, property.Value, Join(field, property.Name), violations, depth + 1);
            }
        }
    }

    private static void CheckArray(OpenApiSpec spec, JsonElement schema, JsonElement value, string field,
        List<SchemaViolation> violations, int depth)
    {
        CheckBounds(schema, "minItems", "maxItems", value.GetArrayLength(), field, "item count", violations);
        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(spec, items, item, $"{field}[{index++}]", violations, depth + 1);
            }
        }
    }

    private static bool AnyFits(OpenApiSpec spec, JsonElement alternatives, JsonElement value, string field, int depth)
    {
        foreach (var alternative in alternatives.EnumerateArray())
        {
            var trial = new List<SchemaViolation>();
            Check(spec, alternative, value, field, trial, depth + 1);
            if (trial.Count == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckBounds(JsonElement schema, string min, string max, double actual, string field,
        string what, List<SchemaViolation> violations)
    {
        if (schema.TryGetProperty(min, out var low) && low.ValueKind == JsonValueKind.Number && actual < low.GetDouble())
        {
            violations.Add(new SchemaViolation(field, "invalid", $"{Name(field)} {what} must be at least {low.GetRawText()}"));
        }

        if (schema.TryGetProperty(max, out var high) && high.ValueKind == JsonValueKind.Number && actual > high.GetDouble())
        {
            violations.Add(new SchemaViolation(field, "invalid", $"{Name(field)} {what} must be at most {high.GetRawText()}"));
        }
    }

    public static bool AllowsNull(OpenApiSpec spec, JsonElement schema)
    {
        schema = spec.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if ((schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
            || (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null"))
        {
            return true;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.Null))
        {
            return true;
        }

        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives)
                && alternatives.EnumerateArray().Any(a => AllowsNull(spec, a)))
            {
                return true;
            }
        }

        // A schema with no type and no structure (e.g. {}) accepts anything.
        return !schema.TryGetProperty("type", out _) && !schema.TryGetProperty("oneOf", out _)
               && !schema.TryGetProperty("anyOf", out _) && !schema.TryGetProperty("allOf", out _)
               && !schema.TryGetProperty("properties", out _) && !schema.TryGetProperty("enum", out _);
    }

    public static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || IsWhole(value)),
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static bool IsWhole(JsonElement value) => value.TryGetDouble(out var d) && Math.Abs(d % 1) < double.Epsilon;

    private static bool SameValue(JsonElement allowed, JsonElement value) =>
        allowed.ValueKind == value.ValueKind && allowed.ValueKind switch
        {
            JsonValueKind.String => allowed.GetString() == value.GetString(),
            JsonValueKind.Number => allowed.GetDouble().Equals(value.GetDouble()),
            _ => true,
        };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Name(string field) => field.Length == 0 ? "the body" : $"'{field}'";
}
