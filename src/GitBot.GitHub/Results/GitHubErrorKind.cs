namespace GitBot.GitHub.Results;

/// <summary>What kind of failure a GitHub call ended in; callers branch on this, not on status codes.</summary>
public enum GitHubErrorKind
{
    /// <summary>A status GitBot has no special meaning for; see <see cref="GitHubError.StatusCode"/>.</summary>
    Other,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    Gone,
    Validation,
    RateLimited,
    Server,
    Network,
    Timeout,
    InvalidResponse,
    NotConfigured,
}
