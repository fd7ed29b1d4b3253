namespace GitBot.Simulator.Auth;

/// <summary>
/// An installation token the simulator handed out; <see cref="RepositoryId"/> narrows it to one repo; <see cref="IsActions"/>
/// marks an Actions job's <c>GITHUB_TOKEN</c>, whose writes GitHub attributes to the <c>github-actions</c> App.
/// </summary>
internal sealed record IssuedToken(string Token, long InstallationId, long? RepositoryId, DateTimeOffset ExpiresAt, bool IsActions = false);
