namespace GitBot.GitHub.Models;

/// <summary>
/// The App GitHub created from a manifest (<c>POST /app-manifests/{code}/conversions</c>): its identity and the three
/// secrets GitHub shows only this once (the private key, the webhook secret and the OAuth client secret).
/// </summary>
public sealed record AppManifestConversion(
    long Id,
    string? Slug,
    string Name,
    GitHubUser? Owner,
    string? HtmlUrl,
    string? ClientId,
    string? ClientSecret,
    string? WebhookSecret,
    string Pem);
