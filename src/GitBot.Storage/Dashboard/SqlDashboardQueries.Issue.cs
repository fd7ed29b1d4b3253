using Dapper;
using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Runs;

namespace GitBot.Storage.Dashboard;

/// <summary>The issue page and its live fingerprint.</summary>
public sealed partial class SqlDashboardQueries
{
    /// <summary>The most review rows read for one pull request (three agents per head, many heads).</summary>
    private const int ReviewRowLimit = 60;

    public async Task<IssueDetail> GetIssueAsync(string repository, int issueNumber, int runLimit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runLimit);
        var plan = await plans.FindLatestAsync(repository, issueNumber, cancellationToken);
        var pull = plan?.Plan.PullRequestNumber;
        await using var connection = await connections.OpenAsync(cancellationToken);
        // ix_agent_runs_issue and ix_agent_runs_pull, newest first.
        var runs = await connection.QueryAsync<DashboardRunRow>(new CommandDefinition(
            $"SELECT {DashboardRunRow.Select(Postgres)} FROM agent_runs " +
            "WHERE repository = @repository AND (issue_number = @issueNumber OR pull_number = @pull) ORDER BY id DESC LIMIT @runLimit",
            new { repository, issueNumber, pull = pull ?? -1, runLimit },
            cancellationToken: cancellationToken));
        var checks = pull is { } number ? await ReadChecksAsync(connection, repository, number, cancellationToken) : [];
        return new IssueDetail(repository, issueNumber, plan, [.. runs.Select(r => r.ToRecord())], checks, ReviewGate.Derive(checks));
    }

    public async Task<IssueFingerprint> GetFingerprintAsync(string repository, int issueNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<FingerprintPlanRow>(new CommandDefinition(
            "SELECT id AS Id, version AS Version, updated_at AS UpdatedAt, pull_request_number AS PullRequestNumber FROM plans " +
            "WHERE repository = @repository AND issue_number = @issueNumber ORDER BY id DESC LIMIT 1",
            new { repository, issueNumber }, cancellationToken: cancellationToken));
        var pull = plan?.PullRequestNumber ?? -1;
        var runs = await connection.QuerySingleAsync<FingerprintRunsRow>(new CommandDefinition(
            "SELECT COUNT(*) AS Count, MAX(id) AS MaxId, COUNT(finished_at) AS Finished FROM agent_runs " +
            "WHERE repository = @repository AND (issue_number = @issueNumber OR pull_number = @pull)",
            new { repository, issueNumber, pull }, cancellationToken: cancellationToken));
        var reviews = plan?.PullRequestNumber is null ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(updated_at) FROM review_runs WHERE repository = @repository AND pull_number = @pull",
            new { repository, pull }, cancellationToken: cancellationToken));
        return new IssueFingerprint(plan?.Id ?? 0, plan?.Version ?? 0, plan?.UpdatedAt ?? 0, runs.Count, runs.MaxId ?? 0, runs.Finished, reviews ?? 0);
    }

    /// <summary>The newest head's checks, one per agent (its newest row), superseded ones left out.</summary>
    private static async Task<IReadOnlyList<ReviewCheck>> ReadChecksAsync(
        System.Data.Common.DbConnection connection, string repository, int pull, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<ReviewCheckRow>(new CommandDefinition(
            "SELECT id AS Id, agent AS Agent, head_sha AS HeadSha, state AS State, conclusion AS Conclusion, title AS Title, " +
            "updated_at AS UpdatedAt FROM review_runs WHERE repository = @repository AND pull_number = @pull ORDER BY id DESC LIMIT @limit",
            new { repository, pull, limit = ReviewRowLimit }, cancellationToken: cancellationToken))).ToList();
        var head = rows.FirstOrDefault(r => r.State != nameof(ReviewRunState.Superseded))?.HeadSha;
        if (head is null)
        {
            return [];
        }

        return [.. rows
            .Where(r => r.HeadSha == head && r.State != nameof(ReviewRunState.Superseded))
            .GroupBy(r => r.Agent, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(r => r.Agent, StringComparer.Ordinal)
            .Select(r => r.ToCheck())];
    }
}
