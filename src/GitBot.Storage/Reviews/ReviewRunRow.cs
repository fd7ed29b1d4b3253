using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;

namespace GitBot.Storage.Reviews;

/// <summary>A <c>review_runs</c> row as Dapper reads it (integers widened to long: SQLite returns Int64).</summary>
internal sealed class ReviewRunRow
{
    public long Id { get; set; }

    public long InstallationId { get; set; }

    public string Repository { get; set; } = string.Empty;

    public long PullNumber { get; set; }

    public string HeadSha { get; set; } = string.Empty;

    public string Agent { get; set; } = string.Empty;

    public long Attempt { get; set; }

    public string State { get; set; } = string.Empty;

    public long? CheckRunId { get; set; }

    public long? ReviewId { get; set; }

    public string? Conclusion { get; set; }

    public string? Title { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public ReviewRunRecord ToRecord() => new(
        Id,
        InstallationId,
        Repository,
        checked((int)PullNumber),
        HeadSha,
        Enum.Parse<ReviewAgentKind>(Agent),
        checked((int)Attempt),
        Enum.Parse<ReviewRunState>(State),
        CheckRunId,
        ReviewId,
        Conclusion,
        Title,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
}
