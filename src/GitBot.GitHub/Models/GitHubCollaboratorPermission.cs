namespace GitBot.GitHub.Models;

/// <summary>A user's permission on a repository: <see cref="Permission"/> is <c>admin</c>, <c>write</c>, <c>read</c> or <c>none</c>; <see cref="RoleName"/> adds <c>maintain</c> and <c>triage</c>.</summary>
public sealed record GitHubCollaboratorPermission(string Permission, string? RoleName, GitHubUser? User)
{
    /// <summary>True for admin, maintain and write: the people GitBot lets spend money or change code.</summary>
    public bool CanWrite => Permission is "admin" or "write" || RoleName is "maintain" or "admin" or "write";
}
