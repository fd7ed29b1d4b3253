using System.Globalization;
using Dapper;
using GitBot.Core.Dashboard;

namespace GitBot.Storage.Dashboard;

/// <summary>Cost charts over <c>agent_runs</c>, read through <c>ix_agent_runs_started</c>.</summary>
public sealed partial class SqlDashboardQueries
{
    /// <summary>The most bars in the per-repository and per-role charts.</summary>
    public const int CostBarLimit = 30;

    private const long DayMs = 86_400_000;

    public async Task<CostReport> GetCostsAsync(IReadOnlyCollection<string>? repositories, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var firstDay = (now.ToUnixTimeMilliseconds() / DayMs) - (days - 1);
        var dayKeys = Enumerable.Range(0, days).Select(i => firstDay + i).ToList();
        if (repositories is { Count: 0 })
        {
            return new CostReport(days, [.. dayKeys.Select(d => new CostPoint(DayLabel(d), 0m))], [], []);
        }

        var args = new { since = firstDay * DayMs, repos = Lowered(repositories) ?? [], limit = CostBarLimit };
        var filter = And(repositories, "repository");
        await using var connection = await connections.OpenAsync(cancellationToken);
        Dictionary<string, decimal> perDay, perRepository, perRole;
        if (Postgres)
        {
            perDay = SumByKey(await connection.QueryAsync<KeyCostRow>(new CommandDefinition(
                $"SELECT CAST(started_at / {DayMs} AS text) AS Key, CAST(SUM(cost_usd) AS text) AS Cost FROM agent_runs " +
                $"WHERE started_at >= @since {filter} GROUP BY started_at / {DayMs}", args, cancellationToken: cancellationToken)));
            perRepository = SumByKey(await connection.QueryAsync<KeyCostRow>(new CommandDefinition(
                "SELECT repository AS Key, CAST(SUM(cost_usd) AS text) AS Cost FROM agent_runs " +
                $"WHERE started_at >= @since {filter} GROUP BY repository ORDER BY SUM(cost_usd) DESC, repository LIMIT @limit", args, cancellationToken: cancellationToken)));
            perRole = SumByKey(await connection.QueryAsync<KeyCostRow>(new CommandDefinition(
                "SELECT role AS Key, CAST(SUM(cost_usd) AS text) AS Cost FROM agent_runs " +
                $"WHERE started_at >= @since {filter} GROUP BY role ORDER BY SUM(cost_usd) DESC, role LIMIT @limit", args, cancellationToken: cancellationToken)));
        }
        else
        {
            var rows = (await connection.QueryAsync<CostRunRow>(new CommandDefinition(
                "SELECT started_at AS StartedAt, repository AS Repository, role AS Role, cost_usd AS Cost FROM agent_runs " +
                $"WHERE started_at >= @since {filter}", args, cancellationToken: cancellationToken))).ToList();
            perDay = Sum(rows, r => (r.StartedAt / DayMs).ToString(CultureInfo.InvariantCulture));
            perRepository = Sum(rows, r => r.Repository);
            perRole = Sum(rows, r => r.Role);
        }

        return new CostReport(
            days,
            [.. dayKeys.Select(d => new CostPoint(DayLabel(d), perDay.GetValueOrDefault(d.ToString(CultureInfo.InvariantCulture))))],
            Largest(perRepository),
            Largest(perRole));
    }

    private static Dictionary<string, decimal> Sum(List<CostRunRow> rows, Func<CostRunRow, string> key)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var k = key(row);
            sums[k] = sums.GetValueOrDefault(k) + DashboardNumbers.Decimal(row.Cost);
        }

        return sums;
    }

    private static List<CostPoint> Largest(Dictionary<string, decimal> sums) =>
        [.. sums.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(CostBarLimit).Select(s => new CostPoint(s.Key, s.Value))];

    private static string DayLabel(long day) =>
        DateTimeOffset.FromUnixTimeMilliseconds(day * DayMs).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One run's cost with what the charts group by (SQLite).</summary>
internal sealed class CostRunRow
{
    public long StartedAt { get; set; }
    public string Repository { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Cost { get; set; }
}
