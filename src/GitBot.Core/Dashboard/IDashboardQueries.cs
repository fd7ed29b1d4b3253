using GitBot.Core.Runs;

namespace GitBot.Core.Dashboard;

/// <summary>
/// The dashboard's read side. Every query is bounded (an index and a limit), so pages stay fast with thousands of
/// issues and runs. A <c>repositories</c> argument of null means every repository (an admin); otherwise only those
/// (compared case-insensitively) are read.
/// </summary>
public interface IDashboardQueries
{
    /// <summary>Repositories with plans or installations, with counts and spend, by name.</summary>
    Task<IReadOnlyList<RepositorySummary>> ListRepositoriesAsync(IReadOnlyCollection<string>? repositories, CancellationToken cancellationToken);

    /// <summary>Page <paramref name="page"/> (1-based) of the repository's issues that have plans, newest issue first.</summary>
    Task<IssueListPage> ListIssuesAsync(string repository, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The issue's newest plan, its runs (newest first, at most <paramref name="runLimit"/>), its pull request's checks and gate.</summary>
    Task<IssueDetail> GetIssueAsync(string repository, int issueNumber, int runLimit, CancellationToken cancellationToken);

    /// <summary>A summary that changes whenever the issue page would.</summary>
    Task<IssueFingerprint> GetFingerprintAsync(string repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary>One run, or null.</summary>
    Task<AgentRunRecord?> GetRunAsync(long id, CancellationToken cancellationToken);

    /// <summary>Spend per day, repository and role over the <paramref name="days"/> UTC days ending with <paramref name="now"/>'s.</summary>
    Task<CostReport> GetCostsAsync(IReadOnlyCollection<string>? repositories, DateTimeOffset now, int days, CancellationToken cancellationToken);
}
