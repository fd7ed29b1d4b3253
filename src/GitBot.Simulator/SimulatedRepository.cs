namespace GitBot.Simulator;

/// <summary>A repository on the simulated GitHub, backed by a real bare git repository.</summary>
/// <param name="Id">The repository id.</param>
/// <param name="FullName"><c>owner/name</c>.</param>
/// <param name="InstallationId">The installation that covers it.</param>
/// <param name="DefaultBranch">The default branch (<c>main</c>).</param>
/// <param name="BareRepositoryPath">The bare repository on disk (for assertions, and for tests that play an outside pusher).</param>
/// <param name="CloneUrl">
/// What <c>git clone</c>, <c>fetch</c> and <c>push</c> take, as on github.com: <c>http://127.0.0.1:{port}/{owner}/{repo}.git</c>,
/// served over smart HTTP with an installation token as the Basic password.
/// </param>
public sealed record SimulatedRepository(
    long Id, string FullName, long InstallationId, string DefaultBranch, string BareRepositoryPath, string CloneUrl);
