namespace GitBot.GitHub.Webhooks.Models;

/// <summary>A git identity (push pusher, commit author or committer): name and e-mail, not a GitHub account.</summary>
public sealed record CommitUser
{
    public required string Name { get; init; }

    public string? Email { get; init; }

    /// <summary>The GitHub login, when GitHub could match the identity to an account.</summary>
    public string? Username { get; init; }
}
