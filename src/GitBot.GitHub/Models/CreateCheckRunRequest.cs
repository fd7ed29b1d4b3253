namespace GitBot.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/check-runs</c>.</summary>
public sealed record CreateCheckRunRequest(
    string Name,
    string HeadSha,
    CheckRunStatus? Status = null,
    CheckRunConclusion? Conclusion = null,
    string? DetailsUrl = null,
    string? ExternalId = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? CompletedAt = null,
    CheckRunOutput? Output = null);
