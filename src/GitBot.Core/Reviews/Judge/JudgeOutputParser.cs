using System.Text.Json;
using GitBot.Core.Plans;

namespace GitBot.Core.Reviews.Judge;

/// <summary>
/// Reads the judge agent's verdict from its final message. The JSON object may stand alone, sit in a code fence or be
/// surrounded by prose; the last object with a <c>verdict</c> property is taken (as <see cref="PlannerOutputParser"/>
/// does for plans). Strict: every property is required, unknown or duplicate properties and wrong types or values are
/// errors naming the exact place (<c>criteria[1].met</c>).
/// </summary>
public static class JudgeOutputParser
{
    /// <summary>The JSON Schema the judge is asked to follow (draft 2020-12).</summary>
    public const string JsonSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["score", "verdict", "criteria", "scope_creep", "tests_added", "risk", "reasons"],
          "properties": {
            "score": { "type": "integer", "minimum": 0, "maximum": 10, "description": "10: does exactly what was asked, well tested, no risk." },
            "verdict": { "enum": ["pass", "needs_work", "fail"] },
            "criteria": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["criterion", "met", "evidence"],
                "properties": {
                  "criterion": { "type": "string", "minLength": 1 },
                  "met": { "type": "boolean" },
                  "evidence": { "type": "string", "description": "File and what in it shows the criterion is met, or what is missing." }
                }
              }
            },
            "scope_creep": { "type": "string", "description": "Changes the issue did not ask for; \"none\" if there are none." },
            "tests_added": { "type": "boolean" },
            "risk": { "enum": ["low", "medium", "high"] },
            "reasons": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }
          }
        }
        """;

    private static readonly string[] Properties = ["score", "verdict", "criteria", "scope_creep", "tests_added", "risk", "reasons"];
    private static readonly string[] CriterionProperties = ["criterion", "met", "evidence"];

    /// <summary>Finds and validates the verdict in <paramref name="agentOutput"/>.</summary>
    public static JudgeOutput Parse(string agentOutput)
    {
        if (string.IsNullOrWhiteSpace(agentOutput))
        {
            return Fail("the judge's answer is empty; expected a JSON object with \"score\" and \"verdict\"");
        }

        string? firstSyntaxError = null;
        var sawObject = false;
        foreach (var candidate in JsonCandidates.Find(agentOutput))
        {
            try
            {
                using var document = JsonDocument.Parse(candidate, new JsonDocumentOptions { MaxDepth = 8 });
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("verdict", out _))
                {
                    return Read(root);
                }

                sawObject = true;
            }
            catch (JsonException e) when (candidate.Contains("\"verdict\"", StringComparison.Ordinal))
            {
                firstSyntaxError ??= "the judge's JSON does not parse: " + e.Message;
            }
            catch (JsonException)
            {
                // Prose that merely contains braces; not the verdict.
            }
        }

        return Fail(firstSyntaxError
            ?? (sawObject ? "the JSON object has no \"verdict\" property" : "no JSON object found in the judge's answer; expected a JSON object with \"score\" and \"verdict\""));
    }

    private static JudgeOutput Read(JsonElement root)
    {
        var problem = JudgeJson.CheckProperties(root, Properties, "the JSON object");
        if (problem is not null)
        {
            return Fail(problem);
        }

        var score = root.GetProperty("score");
        if (score.ValueKind != JsonValueKind.Number || !score.TryGetInt32(out var scoreValue) || scoreValue is < 0 or > 10)
        {
            return Fail($"score must be an integer from 0 to 10, not {score.GetRawText()}");
        }

        var verdict = JudgeJson.Enum(root, "verdict", ["pass", "needs_work", "fail"], out problem);
        var risk = problem is null ? JudgeJson.Enum(root, "risk", ["low", "medium", "high"], out problem) : 0;
        var scopeCreep = problem is null ? JudgeJson.String(root, "scope_creep", "scope_creep", out problem) : null;
        var testsAdded = problem is null && JudgeJson.Bool(root, "tests_added", "tests_added", out problem);
        var reasons = problem is null ? JudgeJson.Strings(root.GetProperty("reasons"), "reasons", out problem) : [];
        var criteria = problem is null ? ReadCriteria(root.GetProperty("criteria"), out problem) : [];
        if (problem is not null)
        {
            return Fail(problem);
        }

        return new JudgeOutput(
            new JudgeVerdict(scoreValue, (JudgeOutcome)verdict, criteria, scopeCreep!, testsAdded, (JudgeRisk)risk, reasons),
            null);
    }

    private static List<JudgeCriterion> ReadCriteria(JsonElement array, out string? problem)
    {
        problem = null;
        var criteria = new List<JudgeCriterion>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            problem = "criteria must be an array of objects";
            return criteria;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"criteria[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problem = path + " must be an object";
                return criteria;
            }

            problem = JudgeJson.CheckProperties(element, CriterionProperties, path);
            var criterion = problem is null ? JudgeJson.String(element, "criterion", path + ".criterion", out problem) : null;
            if (problem is null && string.IsNullOrWhiteSpace(criterion))
            {
                problem = path + ".criterion must not be empty";
            }

            var met = problem is null && JudgeJson.Bool(element, "met", path + ".met", out problem);
            var evidence = problem is null ? JudgeJson.String(element, "evidence", path + ".evidence", out problem) : null;
            if (problem is not null)
            {
                return criteria;
            }

            criteria.Add(new JudgeCriterion(criterion!, met, evidence!));
        }

        return criteria;
    }

    private static JudgeOutput Fail(string error) => new(null, error);
}
