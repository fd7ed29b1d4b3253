namespace GitBot.Core.Installations;

/// <summary>A GitHub App installation on an account (user or organization).</summary>
public sealed record Installation(
    long Id,
    string AccountLogin,
    string AccountType,
    DateTimeOffset UpdatedAt,
    bool Suspended = false);
