namespace GitBot.Core.Reviews.Gate;

/// <summary>A person's permission on the repository (GitHub's collaborator permission, highest first at the end).</summary>
public enum RepositoryPermission
{
    /// <summary>No access, or unknown (the lookup failed): never enough to approve.</summary>
    None,

    /// <summary><c>read</c>.</summary>
    Read,

    /// <summary><c>triage</c>.</summary>
    Triage,

    /// <summary><c>write</c>: the least that may approve.</summary>
    Write,

    /// <summary><c>maintain</c>.</summary>
    Maintain,

    /// <summary><c>admin</c>.</summary>
    Admin,
}
