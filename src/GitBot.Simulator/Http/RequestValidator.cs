using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.OpenApi;

namespace GitBot.Simulator.Http;

/// <summary>
/// Checks a routed request against its operation's documentation: integer path parameters, query parameter types and
/// enums, and the JSON body against the request schema. A failure is GitHub's answer (400 for unparsable JSON, 422
/// <c>Validation Failed</c> otherwise) plus a one-line reason for <see cref="GitHubSimulator.RejectedRequests"/>.
/// </summary>
internal static class RequestValidator
{
    public sealed record Outcome(JsonDocument? Body, SimResponse? Rejection, string? Reason);

    public static Outcome Validate(OpenApiSpec spec, SimRequest request, RouteMatch match)
    {
        var operation = match.Operation;
        foreach (var parameter in operation.Parameters.Where(p => p.Schema is not null))
        {
            var value = parameter.In switch
            {
                "path" => match.PathParameters.GetValueOrDefault(parameter.Name),
                "query" => request.Query.GetValueOrDefault(parameter.Name),
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            if (CheckParameter(spec, parameter.Schema!.Value, value) is { } problem)
            {
                return parameter.In == "path"
                    ? new Outcome(null, SimResponse.Error(404, "Not Found", operation.DocumentationUrl),
                        $"path parameter '{parameter.Name}' {problem}")
                    : Failed(operation, [new SchemaViolation(parameter.Name, "invalid", $"'{parameter.Name}' {problem}")]);
            }
        }

        if (operation.RequestBodySchema is not { } schema)
        {
            return new Outcome(null, null, null);
        }

        JsonDocument? document = null;
        if (request.Body.Length > 0)
        {
            try
            {
                document = JsonDocument.Parse(request.Body);
            }
            catch (JsonException ex)
            {
                return new Outcome(null, SimResponse.Error(400, "Problems parsing JSON", operation.DocumentationUrl),
                    "body is not JSON: " + ex.Message);
            }
        }
        else if (!operation.RequestBodyRequired)
        {
            return new Outcome(null, null, null);
        }

        using var empty = JsonDocument.Parse("{}");
        var violations = SchemaValidator.Validate(spec, schema, (document ?? empty).RootElement);
        if (violations.Count == 0)
        {
            return new Outcome(document, null, null);
        }

        document?.Dispose();
        return Failed(operation, violations);
    }

    private static Outcome Failed(ApiOperation operation, List<SchemaViolation> violations)
    {
        var errors = new JsonArray();
        foreach (var v in violations)
        {
            errors.Add(new JsonObject
            {
                ["resource"] = Resource(operation.OperationId),
                ["field"] = v.Field,
                ["code"] = v.Code,
                ["message"] = v.Message,
            });
        }

        var body = new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = errors,
            ["documentation_url"] = operation.DocumentationUrl,
            ["status"] = "422",
        };
        return new Outcome(null, SimResponse.Of(422, body), string.Join("; ", violations.Select(v => v.Message)));
    }

    private static string? CheckParameter(OpenApiSpec spec, JsonElement schema, string value)
    {
        schema = spec.Resolve(schema);
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "integer" && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return $"must be an integer, not '{value}'";
        }

        if (type == "boolean" && value is not ("true" or "false"))
        {
            return $"must be true or false, not '{value}'";
        }

        if (type == "string" && schema.TryGetProperty("enum", out var allowed)
            && !allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == value))
        {
            return $"'{value}' is not one of [{string.Join(", ", allowed.EnumerateArray().Select(a => a.GetRawText()))}]";
        }

        return null;
    }

    private static string Resource(string operationId)
    {
        var area = operationId.Split('/')[0];
        return area switch
        {
            "pulls" => operationId.Contains("review", StringComparison.Ordinal) ? "PullRequestReview" : "PullRequest",
            "issues" => operationId.Contains("comment", StringComparison.Ordinal) ? "IssueComment" : "Issue",
            "checks" => "CheckRun",
            "repos" => "Repository",
            _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(area),
        };
    }
}
