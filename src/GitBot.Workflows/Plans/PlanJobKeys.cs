using System.Globalization;
using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Job identities for plan work. Each identity names exactly one unit of work (a plan's planning, one run attempt of one
/// task, a plan's finish), so scheduling it twice finds the first and does nothing: duplicate events and re-runs after
/// a crash can never start the same work twice.
/// </summary>
public static class PlanJobKeys
{
    public const string Group = "plans";
    public const string PlanIdKey = "planId";
    public const string TaskIdKey = "taskId";
    public const string AttemptKey = "attempt";

    public static JobKey Planning(long planId) => new($"plan-{Id(planId)}", Group);

    public static JobKey TaskRun(long planId, string taskId, int attempt) =>
        new($"task-{Id(planId)}-{taskId}-{attempt.ToString(CultureInfo.InvariantCulture)}", Group);

    public static JobKey Finish(long planId) => new($"finish-{Id(planId)}", Group);

    private static string Id(long planId) => planId.ToString(CultureInfo.InvariantCulture);
}
