using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Reviews.Runs;

/// <summary>A review agent run being requested for a pull request head.</summary>
public sealed record NewReviewRun(long InstallationId, string Repository, int PullNumber, string HeadSha, ReviewAgentKind Agent);
