using GitBot.Core.Plans;
using GitBot.Storage.Plans;

namespace GitBot.Storage.Tests.Plans;

/// <summary>Sample plans and tasks, a settable clock, and comparisons that look inside the task lists.</summary>
internal static class PlanTestData
{
    public const string Repository = "octo/repo";
    public const int Issue = 12;

    /// <summary>Not on a millisecond boundary: the store must truncate consistently.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero).AddTicks(4321);

    private static readonly string[] None = [];

    public static DateTimeOffset Ms(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    public static NewPlan NewPlan(string repository = Repository, int issue = Issue, string requestedBy = "alice") => new(
        InstallationId: 7_000_000_001,
        Repository: repository,
        IssueNumber: issue,
        IssueTitle: "Add a health endpoint ✓",
        TriggerLabel: "agent:backend",
        RequestedBy: requestedBy,
        DefaultBranch: "main",
        CloneUrl: $"https://github.com/{repository}.git",
        ConfigSnapshot: "trigger_label: agent\nlimits:\n  max_parallel_tasks: 2\n",
        DeliveryId: "delivery-1");

    public static TaskRecord NewTask(long planId, string id, int ordinal, TaskState state = TaskState.Pending, params string[] dependsOn) => new(
        planId,
        ordinal,
        new PlannedTask(id, $"Task {id}", "backend", $"Do {id}. \"Quoted\" and 'single', ünïcode.", dependsOn, None),
        state,
        Attempt: 0,
        StartedAt: null,
        FinishedAt: null,
        CostUsd: 0m,
        CommitSha: null,
        Reason: null,
        LogPath: null,
        Node: null);

    public static (SqlPlanStore Store, ManualTime Time) NewStore(TestDatabase db)
    {
        var time = new ManualTime(T0);
        return (new SqlPlanStore(db.Connections, time), time);
    }

    /// <summary>Plan records compare by value; tasks hold lists, which records compare by reference, so compare those by content.</summary>
    public static void AssertSameTasks(IReadOnlyList<TaskRecord> expected, IReadOnlyList<TaskRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Definition.DependsOn, actual[i].Definition.DependsOn);
            Assert.Equal(expected[i].Definition.Files, actual[i].Definition.Files);
            Assert.Equal(WithoutLists(expected[i]), WithoutLists(actual[i]));
        }
    }

    private static TaskRecord WithoutLists(TaskRecord task) =>
        task with { Definition = task.Definition with { DependsOn = None, Files = None } };
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
