namespace GitBot.GitHub.Auth;

/// <summary>
/// The App's JWT issuer when App credentials are configured and the key loads; otherwise null and, in
/// <see cref="Problem"/>, why not in plain words. A DI singleton cannot be null, hence the holder.
/// </summary>
public sealed record AppJwtIssuerHolder(AppJwtIssuer? Issuer, string? Problem);
