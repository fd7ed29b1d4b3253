namespace GitBot.GitHub.Models;

/// <summary>Body of <c>PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}</c>; null fields are left unchanged.</summary>
public sealed record UpdateCheckRunRequest(
    CheckRunStatus? Status = null,
    CheckRunConclusion? Conclusion = null,
    string? DetailsUrl = null,
    string? ExternalId = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? CompletedAt = null,
    CheckRunOutput? Output = null);
