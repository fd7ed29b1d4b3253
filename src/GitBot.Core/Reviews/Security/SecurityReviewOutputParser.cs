using System.Text.Json;
using GitBot.Core.Plans;
using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Reads the security model's findings. The JSON object may stand alone, sit in a code fence or be surrounded by prose;
/// the last object with a <c>findings</c> property is taken (as the judge's parser does). Validation: <c>findings</c>
/// is an array of objects with <c>severity</c> (<c>low|medium|high|critical</c>, any case), <c>file</c> and
/// <c>title</c> (non-empty strings), optional <c>line</c> (a positive integer or null) and optional <c>fix</c>; other
/// properties are ignored, so one extra field does not fail the whole check. A finding on a file that is not in the
/// diff is dropped and counted (models invent paths). Findings get rule <see cref="RuleId"/>, are blocking from
/// <see cref="Severity.High"/> up, and their text is sanitized and capped here, before anything else sees it.
/// </summary>
public static class SecurityReviewOutputParser
{
    /// <summary>The rule id of every LLM finding.</summary>
    public const string RuleId = "llm/review";

    /// <summary>Characters kept of a finding's title.</summary>
    public const int MaxTitleChars = 500;

    /// <summary>Characters kept of a finding's fix.</summary>
    public const int MaxFixChars = 1_000;

    /// <summary>The JSON Schema the model is asked to follow (draft 2020-12).</summary>
    public const string JsonSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["findings"],
          "properties": {
            "findings": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["severity", "file", "line", "title", "fix"],
                "properties": {
                  "severity": { "enum": ["low", "medium", "high", "critical"] },
                  "file": { "type": "string", "minLength": 1, "description": "Path of a file in the diff, exactly as its header shows it." },
                  "line": { "type": ["integer", "null"], "minimum": 1, "description": "New-file line number (the number after + in the diff), or null for the whole file." },
                  "title": { "type": "string", "minLength": 1, "description": "One sentence: what is wrong and why it matters." },
                  "fix": { "type": "string", "description": "How to fix it." }
                }
              }
            }
          }
        }
        """;

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    /// <summary>Finds and validates the findings in <paramref name="modelText"/> against <paramref name="diff"/>.</summary>
    public static SecurityReviewParse Parse(string modelText, ParsedDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (string.IsNullOrWhiteSpace(modelText))
        {
            return Fail("the answer is empty; expected a JSON object with a \"findings\" array");
        }

        string? firstSyntaxError = null;
        var sawObject = false;
        foreach (var candidate in JsonCandidates.Find(modelText))
        {
            try
            {
                using var document = JsonDocument.Parse(candidate, new JsonDocumentOptions { MaxDepth = 8 });
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("findings", out var findings))
                {
                    return Read(findings, diff);
                }

                sawObject = true;
            }
            catch (JsonException e) when (candidate.Contains("\"findings\"", StringComparison.Ordinal))
            {
                firstSyntaxError ??= "the JSON does not parse: " + e.Message;
            }
            catch (JsonException)
            {
                // Prose that merely contains braces.
            }
        }

        return Fail(firstSyntaxError
            ?? (sawObject ? "the JSON object has no \"findings\" property" : "no JSON object found in the answer; expected a JSON object with a \"findings\" array"));
    }

    private static SecurityReviewParse Read(JsonElement array, ParsedDiff diff)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return Fail("findings must be an array of objects");
        }

        var findings = new List<SecurityFinding>();
        var dropped = 0;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"findings[{index++}]";
            var problem = ReadOne(element, path, diff, out var finding);
            if (problem is not null)
            {
                return Fail(problem);
            }

            if (finding is null)
            {
                dropped++;
            }
            else
            {
                findings.Add(finding);
            }
        }

        return new SecurityReviewParse(findings, null, dropped);
    }

    /// <summary>A problem, or null with <paramref name="finding"/> set (null when its file is not in the diff).</summary>
    private static string? ReadOne(JsonElement element, string path, ParsedDiff diff, out SecurityFinding? finding)
    {
        finding = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return path + " must be an object";
        }

        if (!element.TryGetProperty("severity", out var severityValue) || severityValue.ValueKind != JsonValueKind.String)
        {
            return path + ".severity is required: one of \"low\", \"medium\", \"high\", \"critical\"";
        }

        var severityIndex = Array.FindIndex(Severities, s => string.Equals(s, severityValue.GetString(), StringComparison.OrdinalIgnoreCase));
        if (severityIndex < 0)
        {
            return $"{path}.severity must be one of \"low\", \"medium\", \"high\", \"critical\", not {severityValue.GetRawText()}";
        }

        var file = RequiredString(element, "file", path, out var problem);
        var title = problem is null ? RequiredString(element, "title", path, out problem) : null;
        if (problem is not null)
        {
            return problem;
        }

        var fix = string.Empty;
        if (element.TryGetProperty("fix", out var fixValue) && fixValue.ValueKind != JsonValueKind.Null)
        {
            if (fixValue.ValueKind != JsonValueKind.String)
            {
                return path + ".fix must be a string";
            }

            fix = fixValue.GetString()!;
        }

        int? line = null;
        if (element.TryGetProperty("line", out var lineValue) && lineValue.ValueKind != JsonValueKind.Null)
        {
            if (lineValue.ValueKind != JsonValueKind.Number || !lineValue.TryGetInt32(out var number) || number < 1)
            {
                return $"{path}.line must be a positive integer or null, not {lineValue.GetRawText()}";
            }

            line = number;
        }

        var diffFile = FindFile(diff, file!);
        if (diffFile is not null)
        {
            var severity = severityIndex switch
            {
                0 => Severity.Low,
                1 => Severity.Medium,
                2 => Severity.High,
                _ => Severity.Critical,
            };
            finding = new SecurityFinding(
                RuleId,
                severity,
                diffFile.Path,
                line,
                ReviewTextSanitizer.SanitizeLine(title, MaxTitleChars),
                fix.Length == 0 ? "Review this and fix it before merging." : ReviewTextSanitizer.SanitizeLine(fix, MaxFixChars),
                severity >= Severity.High);
        }

        return null;
    }

    /// <summary>The diff's file for a path as a model may write it: exact, or with a leading <c>./</c>, <c>/</c> or git's <c>b/</c>.</summary>
    private static DiffFile? FindFile(ParsedDiff diff, string file)
    {
        var exact = diff.Find(file);
        if (exact is not null)
        {
            return exact;
        }

        foreach (var prefix in (string[])["./", "/", "b/", "a/"])
        {
            if (file.StartsWith(prefix, StringComparison.Ordinal) && diff.Find(file[prefix.Length..]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? RequiredString(JsonElement element, string name, string path, out string? problem)
    {
        problem = null;
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problem = $"{path}.{name} is required and must be a non-empty string";
            return null;
        }

        return value.GetString();
    }

    private static SecurityReviewParse Fail(string error) => new(null, error);
}
