namespace GitBot.GitHub.Auth;

/// <summary>The App's JWT issuer when App credentials are configured and the key loads; null otherwise (a DI singleton cannot be null).</summary>
public sealed record AppJwtIssuerHolder(AppJwtIssuer? Issuer);
