namespace GitBot.Simulator.Auth;

/// <summary>Who a request authenticated as: the App itself (JWT), or an installation token, maybe limited to one repo.</summary>
internal sealed record Credential(bool IsApp, string RateKey, long? InstallationId, long? RepositoryId);
