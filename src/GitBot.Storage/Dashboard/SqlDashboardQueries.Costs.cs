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

    /// <summary>A guard on the grouped rows read (days × repositories × roles).</summary>
    private const int CostRowLimit = 100_000;

    public async Task<CostReport> GetCostsAsync(IReadOnlyCollection<string>? repositories, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var firstDay = (now.ToUnixTimeMilliseconds() / DayMs) - (days - 1);
        var dayKeys = Enumerable.Range(0, days).Select(i => firstDay + i).ToList();
        if (repositories is { Count: 0 })
        {
            return new CostReport(days, [.. dayKeys.Select(d => new CostPoint(DayLabel(d), 0m))], [], []);
        }

        var args = new { since = firstDay * DayMs, repos = Lowered(repositories) ?? [], rows = CostRowLimit };
        var filter = And(repositories, "repository");
        // One pass over the window: PostgreSQL sums per (day, repository, role), at most days × repositories × roles
        // rows; SQLite returns the runs and C# sums their decimal text. Either way C# folds the rows into the three charts.
        var sql = Postgres
            ? $"SELECT started_at / {DayMs} AS Day, repository AS Repository, role AS Role, CAST(SUM(cost_usd) AS text) AS Cost FROM agent_runs " +
              $"WHERE started_at >= @since {filter} GROUP BY started_at / {DayMs}, repository, role LIMIT @rows"
            : $"SELECT started_at / {DayMs} AS Day, repository AS Repository, role AS Role, cost_usd AS Cost FROM agent_runs WHERE started_at >= @since {filter}";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CostRunRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).ToList();
        var perDay = Sum(rows, r => r.Day.ToString(CultureInfo.InvariantCulture));
        return new CostReport(
            days,
            [.. dayKeys.Select(d => new CostPoint(DayLabel(d), perDay.GetValueOrDefault(d.ToString(CultureInfo.InvariantCulture))))],
            Largest(Sum(rows, r => r.Repository)),
            Largest(Sum(rows, r => r.Role)));
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

/// <summary>A cost (one run's on SQLite, a sum on PostgreSQL) with what the charts group by: the UTC day number, repository, role.</summary>
internal sealed class CostRunRow
{
    public long Day { get; set; }
    public string Repository { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Cost { get; set; }
}
