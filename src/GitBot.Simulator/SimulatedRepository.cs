namespace GitBot.Simulator;

/// <summary>A repository on the simulated GitHub, backed by a real bare git repository.</summary>
/// <param name="Id">The repository id.</param>
/// <param name="FullName"><c>owner/name</c>.</param>
/// <param name="InstallationId">The installation that covers it.</param>
/// <param name="DefaultBranch">The default branch (<c>main</c>).</param>
/// <param name="BareRepositoryPath">The bare repository on disk.</param>
public sealed record SimulatedRepository(long Id, string FullName, long InstallationId, string DefaultBranch, string BareRepositoryPath)
{
    /// <summary>What <c>git clone</c> and <c>git push</c> take: the bare repository's path.</summary>
    public string CloneUrl => BareRepositoryPath;
}
