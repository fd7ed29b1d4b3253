using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Reviews.Runs;

/// <summary>
/// One review agent on one head commit of one pull request. There is at most one record per
/// (<see cref="Repository"/>, <see cref="PullNumber"/>, <see cref="HeadSha"/>, <see cref="Agent"/>); a re-requested check
/// runs it again as the next <see cref="Attempt"/>, and every write names the attempt it is about, so a late write
/// of an older attempt changes nothing.
/// </summary>
/// <param name="Id">Store id.</param>
/// <param name="InstallationId">The installation whose token reads and writes the pull request.</param>
/// <param name="Repository">owner/name.</param>
/// <param name="PullNumber">The pull request.</param>
/// <param name="HeadSha">The head commit reviewed.</param>
/// <param name="Agent">Which review agent.</param>
/// <param name="Attempt">1 for the first run; +1 for each re-run.</param>
/// <param name="State">Queued, running, completed or superseded.</param>
/// <param name="CheckRunId">The agent's check run on the head for this attempt, once created.</param>
/// <param name="ReviewId">The posted review, once completed.</param>
/// <param name="Conclusion">The check run's conclusion once completed (<c>success</c>, <c>failure</c>, <c>neutral</c>, <c>cancelled</c>).</param>
/// <param name="Title">The check run's title once completed.</param>
/// <param name="CreatedAt">When first requested.</param>
/// <param name="UpdatedAt">When last changed.</param>
public sealed record ReviewRunRecord(
    long Id,
    long InstallationId,
    string Repository,
    int PullNumber,
    string HeadSha,
    ReviewAgentKind Agent,
    int Attempt,
    ReviewRunState State,
    long? CheckRunId,
    long? ReviewId,
    string? Conclusion,
    string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
