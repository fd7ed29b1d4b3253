using System.Globalization;
using Quartz;

namespace GitBot.Workflows.Executors;

/// <summary>Job identities of the <c>actions</c> executor: one timeout per dispatched attempt, so scheduling it again is a no-op.</summary>
public static class ActionsJobKeys
{
    public const string Group = "actions";

    public static JobKey Timeout(long planId, string taskId, int attempt) =>
        new($"timeout-{planId.ToString(CultureInfo.InvariantCulture)}-{taskId}-{attempt.ToString(CultureInfo.InvariantCulture)}", Group);
}
