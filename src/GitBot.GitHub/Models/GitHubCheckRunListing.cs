namespace GitBot.GitHub.Models;

/// <summary>
/// A check run as <c>GET /repos/{owner}/{repo}/commits/{ref}/check-runs</c> lists it, with the App that created it:
/// a check name proves nothing by itself (any App may use any name), the creating App's id does.
/// </summary>
public sealed record GitHubCheckRunListing(long Id, string Name, string HeadSha, string Status, string? Conclusion, GitHubApp? App);
