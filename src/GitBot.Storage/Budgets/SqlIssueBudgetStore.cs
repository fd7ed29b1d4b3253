using System.Globalization;
using Dapper;
using GitBot.Core.Budgets;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Budgets;

/// <summary>
/// <see cref="IIssueBudgetStore"/> on SQLite or PostgreSQL. Setting is one upsert on the (repository, issue_number)
/// key, so concurrent commands leave exactly one row (the last write's). Amounts are exact: PostgreSQL keeps
/// <c>numeric</c>, SQLite invariant decimal text; both travel as text so no floating point is ever involved.
/// </summary>
public sealed class SqlIssueBudgetStore(DatabaseConnectionFactory connections, TimeProvider time) : IIssueBudgetStore
{
    public async Task<IssueBudgetRecord> SetAsync(string repository, int issueNumber, decimal budgetUsd, string setBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(setBy);
        var now = time.GetUtcNow();
        var amountIn = connections.IsPostgres ? "CAST(@budget AS numeric)" : "@budget";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO issue_budgets (repository, issue_number, budget_usd, set_by, set_at) " +
            $"VALUES (@repository, @issueNumber, {amountIn}, @setBy, @setAt) " +
            "ON CONFLICT (repository, issue_number) DO UPDATE SET budget_usd = excluded.budget_usd, set_by = excluded.set_by, set_at = excluded.set_at",
            new { repository, issueNumber, budget = budgetUsd.ToString(CultureInfo.InvariantCulture), setBy, setAt = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return new IssueBudgetRecord(repository, issueNumber, budgetUsd, setBy, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
    }

    public async Task<IssueBudgetRecord?> FindAsync(string repository, int issueNumber, CancellationToken cancellationToken)
    {
        var amountOut = connections.IsPostgres ? "CAST(budget_usd AS text)" : "budget_usd";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IssueBudgetRow>(new CommandDefinition(
            $"SELECT {amountOut} AS BudgetUsd, set_by AS SetBy, set_at AS SetAt FROM issue_budgets WHERE repository = @repository AND issue_number = @issueNumber",
            new { repository, issueNumber }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new IssueBudgetRecord(repository, issueNumber, decimal.Parse(row.BudgetUsd, NumberStyles.Float, CultureInfo.InvariantCulture), row.SetBy,
                DateTimeOffset.FromUnixTimeMilliseconds(row.SetAt));
    }

    /// <summary>An <c>issue_budgets</c> row as Dapper reads it.</summary>
    private sealed class IssueBudgetRow
    {
        public string BudgetUsd { get; set; } = "0";

        public string SetBy { get; set; } = string.Empty;

        public long SetAt { get; set; }
    }
}
