using System.Text.Json;

namespace GitBot.Core.Reviews.Judge;

/// <summary>Strict readers for the judge's JSON: each returns a problem naming the exact place instead of throwing.</summary>
internal static class JudgeJson
{
    /// <summary>Unknown, duplicate or missing properties.</summary>
    public static string? CheckProperties(JsonElement element, string[] required, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!required.Contains(property.Name, StringComparer.Ordinal))
            {
                return $"{path} has an unknown property \"{property.Name}\"; allowed: {string.Join(", ", required)}";
            }

            if (!seen.Add(property.Name))
            {
                return $"{path} has the property \"{property.Name}\" more than once";
            }
        }

        var absent = required.FirstOrDefault(name => !seen.Contains(name));
        return absent is null ? null : $"{(path == "the JSON object" ? absent : path + "." + absent)} is required";
    }

    public static int Enum(JsonElement element, string name, string[] values, out string? problem)
    {
        var value = element.GetProperty(name);
        var index = value.ValueKind == JsonValueKind.String ? Array.IndexOf(values, value.GetString()) : -1;
        problem = index < 0 ? $"{name} must be one of {string.Join(", ", values.Select(v => "\"" + v + "\""))}, not {value.GetRawText()}" : null;
        return Math.Max(index, 0);
    }

    public static string? String(JsonElement element, string name, string path, out string? problem)
    {
        var value = element.GetProperty(name);
        problem = value.ValueKind == JsonValueKind.String ? null : path + " must be a string";
        return problem is null ? value.GetString() : null;
    }

    public static bool Bool(JsonElement element, string name, string path, out string? problem)
    {
        var value = element.GetProperty(name);
        problem = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : path + " must be true or false";
        return value.ValueKind == JsonValueKind.True;
    }

    public static List<string> Strings(JsonElement array, string path, out string? problem)
    {
        problem = null;
        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            problem = path + " must be an array of strings";
            return [];
        }

        var values = array.EnumerateArray().Select(v => v.GetString()!).ToList();
        if (values.Count == 0 || values.Exists(string.IsNullOrWhiteSpace))
        {
            problem = path + " must hold at least one non-empty string";
        }

        return values;
    }
}
