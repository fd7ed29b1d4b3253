using System.Text.Json;

namespace GitBot.Core.Plans;

/// <summary>
/// Reads the plan from the planner agent's final message. The JSON object may stand alone, sit in a code fence or be
/// surrounded by prose; the last object with a <c>tasks</c> property is taken. Parsing is strict: unknown or
/// duplicate properties and wrong types are errors that name the exact place (<c>tasks[2].depends_on</c>).
/// </summary>
public static class PlannerOutputParser
{
    /// <summary>The JSON Schema the planner is asked to follow (draft 2020-12).</summary>
    public const string JsonSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["tasks"],
          "properties": {
            "tasks": {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "title", "role", "instructions"],
                "properties": {
                  "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$", "description": "Short unique id, safe in a git branch name." },
                  "title": { "type": "string", "minLength": 1, "description": "One line for the checklist." },
                  "role": { "type": "string", "description": "One of the listed roles." },
                  "instructions": { "type": "string", "description": "Everything the agent needs to do this task alone." },
                  "depends_on": { "type": "array", "items": { "type": "string" }, "description": "Ids of tasks whose work this task needs." },
                  "files": { "type": "array", "items": { "type": "string" }, "description": "Paths or globs the task is expected to change." }
                }
              }
            }
          }
        }
        """;

    private static readonly string[] RequiredProperties = ["id", "title", "role", "instructions"];
    private static readonly string[] OptionalProperties = ["depends_on", "files"];

    /// <summary>Finds and parses the plan in <paramref name="agentOutput"/>.</summary>
    public static PlannerOutput Parse(string agentOutput)
    {
        if (string.IsNullOrWhiteSpace(agentOutput))
        {
            return Fail("the planner's answer is empty; expected a JSON object with a \"tasks\" array");
        }

        string? firstSyntaxError = null;
        JsonElement? fallback = null;
        foreach (var candidate in JsonCandidates.Find(agentOutput))
        {
            try
            {
                using var document = JsonDocument.Parse(candidate, new JsonDocumentOptions { MaxDepth = 16 });
                var root = document.RootElement.Clone();
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tasks", out _))
                {
                    return ReadRoot(root);
                }

                fallback ??= root;
            }
            catch (JsonException e) when (candidate.Contains("\"tasks\"", StringComparison.Ordinal))
            {
                firstSyntaxError ??= "the planner's JSON does not parse: " + e.Message;
            }
            catch (JsonException)
            {
                // Prose that merely contains braces; not the plan.
            }
        }

        if (firstSyntaxError is not null)
        {
            return Fail(firstSyntaxError);
        }

        return fallback is null
            ? Fail("no JSON object found in the planner's answer; expected a JSON object with a \"tasks\" array")
            : Fail("the JSON object has no \"tasks\" property");
    }

    private static PlannerOutput ReadRoot(JsonElement root)
    {
        var unknown = FirstProblemProperty(root, ["tasks"], "the JSON object");
        if (unknown is not null)
        {
            return Fail(unknown);
        }

        var tasksElement = root.GetProperty("tasks");
        if (tasksElement.ValueKind != JsonValueKind.Array)
        {
            return Fail("tasks must be an array of task objects");
        }

        var tasks = new List<PlannedTask>();
        var index = 0;
        foreach (var element in tasksElement.EnumerateArray())
        {
            var path = $"tasks[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Fail(path + " must be an object");
            }

            var problem = FirstProblemProperty(element, [.. RequiredProperties, .. OptionalProperties], path);
            if (problem is not null)
            {
                return Fail(problem);
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in RequiredProperties)
            {
                if (!element.TryGetProperty(name, out var value))
                {
                    return Fail($"{path}.{name} is required");
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    return Fail($"{path}.{name} must be a string");
                }

                values[name] = value.GetString()!;
            }

            var dependsOn = ReadStrings(element, "depends_on", path, out var error);
            var files = error is null ? ReadStrings(element, "files", path, out error) : [];
            if (error is not null)
            {
                return Fail(error);
            }

            tasks.Add(new PlannedTask(values["id"], values["title"], values["role"], values["instructions"], dependsOn, files));
            index++;
        }

        return new PlannerOutput(tasks, null);
    }

    private static List<string> ReadStrings(JsonElement task, string name, string path, out string? error)
    {
        error = null;
        if (!task.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            error = $"{path}.{name} must be an array of strings";
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static string? FirstProblemProperty(JsonElement element, string[] allowed, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                return $"{path} has an unknown property \"{property.Name}\"; allowed: {string.Join(", ", allowed)}";
            }

            if (!seen.Add(property.Name))
            {
                return $"{path} has the property \"{property.Name}\" more than once";
            }
        }

        return null;
    }

    private static PlannerOutput Fail(string error) => new(null, error);
}
