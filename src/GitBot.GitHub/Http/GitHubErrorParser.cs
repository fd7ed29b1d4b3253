using System.Text;
using System.Text.Json;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Http;

/// <summary>Turns a non-success answer into a <see cref="GitHubError"/> with GitHub's own message, documentation link and errors.</summary>
public static class GitHubErrorParser
{
    public static GitHubError Parse(GitHubResponse response, GitHubRetryDecision decision)
    {
        string? message = null;
        string? documentationUrl = null;
        List<GitHubValidationError>? errors = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    message = ReadString(root, "message");
                    documentationUrl = ReadString(root, "documentation_url");
                    if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        errors = [.. list.EnumerateArray().Select(ReadValidationError)];
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML error page, say): keep a short, printable prefix as the message.
                message = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 200));
            }
        }

        var kind = decision.IsRateLimited ? GitHubErrorKind.RateLimited : KindOf(response.StatusCode);
        return new GitHubError(
            kind,
            response.StatusCode,
            string.IsNullOrWhiteSpace(message) ? $"GitHub answered HTTP {response.StatusCode}" : message,
            documentationUrl,
            errors,
            decision.IsRateLimited ? decision.RetryAt : null);
    }

    public static GitHubErrorKind KindOf(int statusCode) => statusCode switch
    {
        400 => GitHubErrorKind.BadRequest,
        401 => GitHubErrorKind.Unauthorized,
        403 => GitHubErrorKind.Forbidden,
        404 => GitHubErrorKind.NotFound,
        405 => GitHubErrorKind.MethodNotAllowed,
        409 => GitHubErrorKind.Conflict,
        410 => GitHubErrorKind.Gone,
        422 => GitHubErrorKind.Validation,
        429 => GitHubErrorKind.RateLimited,
        >= 500 => GitHubErrorKind.Server,
        _ => GitHubErrorKind.Other,
    };

    private static GitHubValidationError ReadValidationError(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
            ? new GitHubValidationError(ReadString(item, "resource"), ReadString(item, "field"), ReadString(item, "code"), ReadString(item, "message"))
            : new GitHubValidationError(null, null, null, item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText());

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
