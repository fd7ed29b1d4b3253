using System.Globalization;
using Dapper;
using GitBot.Core.Budgets;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Budgets;

/// <summary>
/// <see cref="IIssueSpendingStore"/> on SQLite or PostgreSQL. Recording is one insert that does nothing on the
/// (repository, issue_number, source, run_key) key, so a run recorded twice (a redelivery, a retried job, two nodes) is
/// counted once. The spent figure is read in one statement over the plans' task rows and the ledger, so it is one
/// consistent snapshot. Amounts are exact: PostgreSQL sums <c>numeric</c> and returns it as text; SQLite keeps invariant
/// decimal text, which is summed here as <see cref="decimal"/> because SQLite's SUM would go through floating point.
/// </summary>
public sealed class SqlIssueSpendingStore(DatabaseConnectionFactory connections, TimeProvider time) : IIssueSpendingStore
{
    // Plan ids start at 1 on both providers, so 0 excludes nothing; it spares a nullable parameter whose type
    // PostgreSQL would have to infer.
    private const string Costs =
        "SELECT t.cost_usd AS cost FROM plan_tasks t JOIN plans p ON p.id = t.plan_id " +
        "WHERE p.repository = @repository AND p.issue_number = @issueNumber AND p.id <> @exceptPlanId " +
        "UNION ALL SELECT s.cost_usd AS cost FROM issue_spending s WHERE s.repository = @repository AND s.issue_number = @issueNumber";

    public async Task<bool> RecordAsync(SpendingEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Repository);
        ArgumentException.ThrowIfNullOrEmpty(entry.Key);
        var amountIn = connections.IsPostgres ? "CAST(@cost AS numeric)" : "@cost";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO issue_spending (repository, issue_number, source, run_key, cost_usd, recorded_at) " +
            $"VALUES (@repository, @issueNumber, @source, @key, {amountIn}, @at) " +
            "ON CONFLICT (repository, issue_number, source, run_key) DO NOTHING",
            new
            {
                repository = entry.Repository,
                issueNumber = entry.IssueNumber,
                source = entry.Source.ToString(),
                key = entry.Key,
                cost = entry.CostUsd.ToString(CultureInfo.InvariantCulture),
                at = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<decimal> GetSpentAsync(string repository, int issueNumber, long? exceptPlanId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var parameters = new { repository, issueNumber, exceptPlanId = exceptPlanId ?? 0L };
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (connections.IsPostgres)
        {
            var total = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                $"SELECT CAST(COALESCE(SUM(cost), 0) AS text) FROM ({Costs}) AS costs", parameters, cancellationToken: cancellationToken));
            return Parse(total ?? "0");
        }

        var costs = await connection.QueryAsync<string>(new CommandDefinition(Costs, parameters, cancellationToken: cancellationToken));
        return costs.Sum(Parse);
    }

    private static decimal Parse(string amount) => decimal.Parse(amount, NumberStyles.Float, CultureInfo.InvariantCulture);
}
