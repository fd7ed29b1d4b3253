namespace GitBot.Simulator.Auth;

/// <summary>
/// Who a request authenticated as: the App itself (JWT), or an installation token, maybe limited to one repo;
/// <see cref="IsActions"/> when the token is an Actions job's <c>GITHUB_TOKEN</c> (its check runs belong to <see cref="SimulatedApp.GitHubActions"/>).
/// </summary>
internal sealed record Credential(bool IsApp, string RateKey, long? InstallationId, long? RepositoryId, bool IsActions = false);
