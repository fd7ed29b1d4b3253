namespace GitBot.GitHub.Results;

/// <summary>
/// A failed GitHub call as a value: GitHub's own <c>message</c>, <c>documentation_url</c> and validation
/// <c>errors</c> when the response carried them, the HTTP status (null when no response arrived), and for rate
/// limits the moment GitHub said the caller may try again.
/// </summary>
public sealed record GitHubError(
    GitHubErrorKind Kind,
    int? StatusCode,
    string Message,
    string? DocumentationUrl = null,
    IReadOnlyList<GitHubValidationError>? Errors = null,
    DateTimeOffset? RetryAt = null)
{
    /// <summary>The validation errors, never null.</summary>
    public IReadOnlyList<GitHubValidationError> ValidationErrors => Errors ?? [];

    public override string ToString() =>
        StatusCode is { } status ? $"{Kind} ({status}): {Message}" : $"{Kind}: {Message}";
}
