namespace GitBot.Simulator.Auth;

/// <summary>An installation token the simulator handed out; <see cref="RepositoryId"/> narrows it to one repo.</summary>
internal sealed record IssuedToken(string Token, long InstallationId, long? RepositoryId, DateTimeOffset ExpiresAt);
