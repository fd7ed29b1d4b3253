namespace GitBot.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/pulls</c>.</summary>
public sealed record CreatePullRequestRequest(string Title, string Head, string Base, string? Body = null, bool? Draft = null, bool? MaintainerCanModify = null);
