namespace GitBot.GitHub.Models;

/// <summary>An installation access token. Never logged.</summary>
public sealed record InstallationAccessToken(string Token, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"InstallationAccessToken(expires {ExpiresAt:o})";
}
