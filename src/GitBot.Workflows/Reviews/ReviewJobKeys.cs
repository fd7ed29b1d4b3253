using System.Globalization;
using Quartz;

namespace GitBot.Workflows.Reviews;

/// <summary>Identities of review jobs: one per run and attempt, so scheduling the same attempt twice is a no-op.</summary>
public static class ReviewJobKeys
{
    public const string Group = "gitbot-reviews";
    public const string RunIdKey = "reviewRunId";
    public const string AttemptKey = "attempt";

    public static JobKey Run(long runId, int attempt) =>
        new($"review-{runId.ToString(CultureInfo.InvariantCulture)}-{attempt.ToString(CultureInfo.InvariantCulture)}", Group);
}
