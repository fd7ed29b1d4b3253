using GitBot.Core.Plans;

namespace GitBot.Core.Tests.Plans;

/// <summary>Plans and tasks for tests, at fixed times so rendered output is stable.</summary>
internal static class PlanFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static PlanRecord Plan(PlanState state = PlanState.Running, string title = "Add a login page", string? reason = null) =>
        new(42, 7, "octo/shop", 17, title, state, 5, "agent", "mona", "main", "https://github.com/octo/shop.git", "{}", 1001, null, reason, T0, T0);

    public static TaskRecord Task(
        int ordinal,
        string id,
        string title,
        TaskState state,
        string[]? dependsOn = null,
        string role = "coder",
        int attempt = 0,
        TimeSpan? started = null,
        TimeSpan? finished = null,
        decimal cost = 0m,
        string? sha = null,
        string? reason = null) =>
        new(
            42,
            ordinal,
            new PlannedTask(id, title, role, "Do: " + title, dependsOn ?? [], []),
            state,
            attempt,
            started is { } s ? T0 + s : null,
            finished is { } f ? T0 + f : null,
            cost,
            sha,
            reason,
            null,
            null);

    public static TaskRecord Pending(int ordinal, string id, params string[] dependsOn) =>
        Task(ordinal, id, "Task " + id, TaskState.Pending, dependsOn);

    public static TaskRecord WithState(TaskRecord task, TaskState state) => task with { State = state };
}
