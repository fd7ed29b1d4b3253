using System.Globalization;
using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Runs;

namespace GitBot.Storage.Dashboard;

/// <summary>A key and a cost (a sum on PostgreSQL, one run's cost on SQLite), both as text.</summary>
internal sealed class KeyCostRow
{
    public string Key { get; set; } = "";
    public string? Cost { get; set; }
}

/// <summary>A key and a count.</summary>
internal sealed class KeyCountRow
{
    public string Key { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>A repository's plan counts.</summary>
internal sealed class PlanCountRow
{
    public string Repository { get; set; } = "";
    public long Active { get; set; }
    public long Finished { get; set; }
}

/// <summary>The newest plan of an issue, as the issue list shows it.</summary>
internal sealed class IssuePlanRow
{
    public long Id { get; set; }
    public int IssueNumber { get; set; }
    public string IssueTitle { get; set; } = "";
    public string State { get; set; } = "";
    public int? PullRequestNumber { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>A task's plan and state.</summary>
internal sealed class TaskStateRow
{
    public long PlanId { get; set; }
    public string State { get; set; } = "";
}

/// <summary>A <c>review_runs</c> row as the dashboard reads it.</summary>
internal sealed class ReviewCheckRow
{
    public long Id { get; set; }
    public string Agent { get; set; } = "";
    public string HeadSha { get; set; } = "";
    public string State { get; set; } = "";
    public string? Conclusion { get; set; }
    public string? Title { get; set; }
    public long UpdatedAt { get; set; }

    public ReviewCheck ToCheck() => new(
        Agent.ToLowerInvariant(),
        HeadSha,
        State switch
        {
            nameof(ReviewRunState.Queued) => "queued",
            nameof(ReviewRunState.Running) => "in_progress",
            _ => "completed",
        },
        State == nameof(ReviewRunState.Completed) ? Conclusion?.ToLowerInvariant() : null,
        Title,
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
}

/// <summary>The plan part of a fingerprint.</summary>
internal sealed class FingerprintPlanRow
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long UpdatedAt { get; set; }
    public int? PullRequestNumber { get; set; }
}

/// <summary>The runs part of a fingerprint.</summary>
internal sealed class FingerprintRunsRow
{
    public long Count { get; set; }
    public long? MaxId { get; set; }
    public long Finished { get; set; }
}

/// <summary>Exact decimals from invariant text.</summary>
internal static class DashboardNumbers
{
    public static decimal Decimal(string? text) =>
        string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
