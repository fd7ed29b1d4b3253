using Dapper;
using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Reviews.Runs;
using GitBot.Storage.Reviews;

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
        // Without a plan the number may be a pull request's own (GitHub numbers issues and pull requests in one
        // sequence): its review runs, checks and gate are then this page's.
        int? pull = plan is null ? issueNumber : plan.Plan.PullRequestNumber;
        await using var connection = await connections.OpenAsync(cancellationToken);
        // ix_agent_runs_issue and ix_agent_runs_pull, newest first.
        var runs = await connection.QueryAsync<Runs.AgentRunRow>(new CommandDefinition(
            $"SELECT {Runs.AgentRunRow.Select(Postgres)} FROM agent_runs r " +
            "WHERE repository = @repository AND (issue_number = @issueNumber OR pull_number = @pull) ORDER BY id DESC LIMIT @runLimit",
            new { repository, issueNumber, pull = pull ?? -1, runLimit },
            cancellationToken: cancellationToken));
        var checks = pull is { } number ? await ReadChecksAsync(connection, repository, number, cancellationToken) : [];
        var stored = pull is { } gated ? IssueGate.Current(await ReadGateAsync(connection, repository, gated, cancellationToken), checks) : null;
        var gate = stored is null ? ReviewGate.Derive(checks) : IssueGate.StatusOf(stored.Conclusion);
        return new IssueDetail(repository, issueNumber, plan, [.. runs.Select(r => r.ToRecord())], checks, gate, stored);
    }

    public async Task<IssueFingerprint> GetFingerprintAsync(string repository, int issueNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<FingerprintPlanRow>(new CommandDefinition(
            "SELECT id AS Id, version AS Version, updated_at AS UpdatedAt, pull_request_number AS PullRequestNumber FROM plans " +
            "WHERE repository = @repository AND issue_number = @issueNumber ORDER BY id DESC LIMIT 1",
            new { repository, issueNumber }, cancellationToken: cancellationToken));
        var pull = plan is null ? issueNumber : plan.PullRequestNumber ?? -1;
        var runs = await connection.QuerySingleAsync<FingerprintRunsRow>(new CommandDefinition(
            "SELECT COUNT(*) AS Count, MAX(id) AS MaxId, COUNT(finished_at) AS Finished FROM agent_runs " +
            "WHERE repository = @repository AND (issue_number = @issueNumber OR pull_number = @pull)",
            new { repository, issueNumber, pull }, cancellationToken: cancellationToken));
        var reviews = plan?.PullRequestNumber is null ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(updated_at) FROM review_runs WHERE repository = @repository AND pull_number = @pull",
            new { repository, pull }, cancellationToken: cancellationToken));
        // The gate row's updated_at moves on every write (SqlGateRecordStore), so a recompute always changes the page.
        var gate = plan?.PullRequestNumber is null ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT updated_at FROM pull_request_gates WHERE repository = @repository AND pull_number = @pull",
            new { repository, pull }, cancellationToken: cancellationToken));
        return new IssueFingerprint(plan?.Id ?? 0, plan?.Version ?? 0, plan?.UpdatedAt ?? 0, runs.Count, runs.MaxId ?? 0, runs.Finished, reviews ?? 0,
            gate ?? 0);
    }

    /// <summary>The pull request's stored gate row (its primary key), or null.</summary>
    private static async Task<GateRecord?> ReadGateAsync(
        System.Data.Common.DbConnection connection, string repository, int pull, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<GateRecordRow>(new CommandDefinition(
            "SELECT repository AS Repository, pull_number AS PullNumber, head_sha AS HeadSha, conclusion AS Conclusion, " +
            "summary AS Summary, updated_at AS UpdatedAt FROM pull_request_gates WHERE repository = @repository AND pull_number = @pull",
            new { repository, pull }, cancellationToken: cancellationToken));
        return row?.ToRecord();
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
