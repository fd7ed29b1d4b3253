using Dapper;
using GitBot.Core.Dashboard;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Dashboard;

/// <summary>
/// <see cref="IDashboardQueries"/> on SQLite or PostgreSQL. Every statement reads through an index and has a limit or
/// aggregates one issue's rows. Sums of the exact <c>cost_usd</c> are computed in SQL on PostgreSQL (numeric) and in C#
/// on SQLite, where the column is decimal text that SQL would sum as binary floating point. A repository filter compares
/// lower-cased names, like GitHub (whose names are case-insensitive).
/// </summary>
public sealed partial class SqlDashboardQueries(DatabaseConnectionFactory connections, IPlanStore plans) : IDashboardQueries
{
    /// <summary>The most repositories listed.</summary>
    public const int RepositoryLimit = 1000;

    private bool Postgres => connections.IsPostgres;

    private string SumCost => Postgres ? "CAST(SUM(cost_usd) AS text)" : "cost_usd";

    public async Task<IReadOnlyList<RepositorySummary>> ListRepositoriesAsync(IReadOnlyCollection<string>? repositories, CancellationToken cancellationToken)
    {
        if (repositories is { Count: 0 })
        {
            return [];
        }

        var args = new { repos = Lowered(repositories) ?? [], limit = RepositoryLimit };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var installed = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT full_name FROM repositories {Where(repositories, "full_name")} ORDER BY full_name LIMIT @limit", args, cancellationToken: cancellationToken));
        var counts = await connection.QueryAsync<PlanCountRow>(new CommandDefinition(
            "SELECT repository AS Repository, SUM(CASE WHEN active_key IS NULL THEN 0 ELSE 1 END) AS Active, " +
            "SUM(CASE WHEN active_key IS NULL THEN 1 ELSE 0 END) AS Finished " +
            $"FROM plans {Where(repositories, "repository")} GROUP BY repository ORDER BY repository LIMIT @limit", args, cancellationToken: cancellationToken));
        var running = await connection.QueryAsync<KeyCountRow>(new CommandDefinition(
            "SELECT p.repository AS Key, COUNT(*) AS Count FROM plans p JOIN plan_tasks t ON t.plan_id = p.id " +
            $"WHERE p.active_key IS NOT NULL AND t.state = 'Running' {And(repositories, "p.repository")} GROUP BY p.repository LIMIT @limit",
            args, cancellationToken: cancellationToken));
        var spend = await connection.QueryAsync<KeyCostRow>(new CommandDefinition(
            $"SELECT repository AS Key, {SumCost} AS Cost FROM agent_runs {Where(repositories, "repository")}" + (Postgres ? " GROUP BY repository LIMIT @limit" : string.Empty),
            args, cancellationToken: cancellationToken));

        var planCounts = counts.ToDictionary(c => c.Repository, StringComparer.Ordinal);
        var runningCounts = running.ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
        var costs = SumByKey(spend);
        var names = installed.Concat(planCounts.Keys).Concat(costs.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Take(RepositoryLimit);
        return [.. names.Select(name => new RepositorySummary(
            name,
            planCounts.TryGetValue(name, out var c) ? (int)c.Active : 0,
            planCounts.TryGetValue(name, out var f) ? (int)f.Finished : 0,
            runningCounts.TryGetValue(name, out var r) ? (int)r : 0,
            costs.TryGetValue(name, out var cost) ? cost : 0m))];
    }

    public async Task<IssueListPage> ListIssuesAsync(string repository, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        page = Math.Max(1, page);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Newest plan per issue through ix_plans_issue (repository, issue_number, id); one row more tells whether a next page exists.
        var rows = (await connection.QueryAsync<IssuePlanRow>(new CommandDefinition(
            "SELECT p.id AS Id, p.issue_number AS IssueNumber, p.issue_title AS IssueTitle, p.state AS State, " +
            "p.pull_request_number AS PullRequestNumber, p.updated_at AS UpdatedAt FROM plans p WHERE p.repository = @repository " +
            "AND p.id = (SELECT MAX(q.id) FROM plans q WHERE q.repository = p.repository AND q.issue_number = p.issue_number) " +
            "ORDER BY p.issue_number DESC LIMIT @take OFFSET @skip",
            new { repository, take = pageSize + 1, skip = (long)(page - 1) * pageSize },
            cancellationToken: cancellationToken))).ToList();
        var hasMore = rows.Count > pageSize;
        rows = [.. rows.Take(pageSize)];
        if (rows.Count == 0)
        {
            return new IssueListPage([], page, false);
        }

        var planIds = rows.Select(r => r.Id).ToArray();
        var tasks = await connection.QueryAsync<TaskStateRow>(new CommandDefinition(
            $"SELECT plan_id AS PlanId, state AS State FROM plan_tasks WHERE {connections.InArray("plan_id", "@planIds")}",
            new { planIds }, cancellationToken: cancellationToken));
        var issues = rows.Select(r => r.IssueNumber).ToArray();
        var spend = await connection.QueryAsync<KeyCostRow>(new CommandDefinition(
            $"SELECT CAST(issue_number AS text) AS Key, {SumCost} AS Cost FROM agent_runs " +
            $"WHERE repository = @repository AND {connections.InArray("issue_number", "@issues")}" + (Postgres ? " GROUP BY issue_number" : string.Empty),
            new { repository, issues }, cancellationToken: cancellationToken));
        var costs = SumByKey(spend);
        var taskLookup = tasks.ToLookup(t => t.PlanId);
        return new IssueListPage(
            [.. rows.Select(r => new IssueSummary(
                r.IssueNumber,
                r.IssueTitle,
                r.Id,
                Enum.TryParse<PlanState>(r.State, out var state) ? state : PlanState.Planning,
                taskLookup[r.Id].Count(t => t.State == nameof(TaskState.Succeeded)),
                taskLookup[r.Id].Count(),
                costs.TryGetValue(r.IssueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), out var cost) ? cost : 0m,
                r.PullRequestNumber,
                DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAt)))],
            page,
            hasMore);
    }

    public async Task<AgentRunRecord?> GetRunAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Runs.AgentRunRow>(new CommandDefinition(
            $"SELECT {Runs.AgentRunRow.Select(Postgres)} FROM agent_runs r WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Sums per key: PostgreSQL already summed (one row per key), SQLite gives one row per run.</summary>
    private static Dictionary<string, decimal> SumByKey(IEnumerable<KeyCostRow> rows)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            sums[row.Key] = sums.GetValueOrDefault(row.Key) + DashboardNumbers.Decimal(row.Cost);
        }

        return sums;
    }

    private static string[]? Lowered(IReadOnlyCollection<string>? repositories) =>
        repositories?.Select(r => r.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    private string Where(IReadOnlyCollection<string>? repositories, string column) =>
        repositories is null ? string.Empty : "WHERE " + connections.InArray($"lower({column})", "@repos");

    private string And(IReadOnlyCollection<string>? repositories, string column) =>
        repositories is null ? string.Empty : "AND " + connections.InArray($"lower({column})", "@repos");
}
