using GitBot.Core.Plans;
using static GitBot.Core.Tests.Plans.PlanFixtures;

namespace GitBot.Core.Tests.Plans;

public sealed class TaskGraphTests
{
    private static readonly HashSet<(TaskState, TaskState)> Allowed =
    [
        (TaskState.Pending, TaskState.Ready), (TaskState.Pending, TaskState.Blocked), (TaskState.Pending, TaskState.Cancelled),
        (TaskState.Ready, TaskState.Running), (TaskState.Ready, TaskState.Cancelled), (TaskState.Ready, TaskState.Pending),
        (TaskState.Running, TaskState.Succeeded), (TaskState.Running, TaskState.Failed), (TaskState.Running, TaskState.Cancelled),
        (TaskState.Running, TaskState.NeedsHuman), (TaskState.Running, TaskState.Ready), (TaskState.Running, TaskState.Blocked),
        (TaskState.Failed, TaskState.Pending), (TaskState.Blocked, TaskState.Pending), (TaskState.NeedsHuman, TaskState.Pending),
        (TaskState.Cancelled, TaskState.Pending),
    ];

    public static TheoryData<TaskState, TaskState> AllPairs()
    {
        var data = new TheoryData<TaskState, TaskState>();
        foreach (var from in Enum.GetValues<TaskState>())
        {
            foreach (var to in Enum.GetValues<TaskState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Exactly_the_listed_transitions_are_allowed(TaskState from, TaskState to)
    {
        Assert.Equal(Allowed.Contains((from, to)), TaskGraph.IsTransitionAllowed(from, to));
    }

    [Theory]
    [InlineData("S,S,P:0+1,P:1,P", 3, "2,3,4")]
    [InlineData("S,R,P:0+1,P:0,P", 5, "3,4")]
    [InlineData("S,R,P:0+1,P:0,P", 2, "3")]
    [InlineData("S,S,P:0+1,P:1,P", 1, "2")]
    [InlineData("R,Q,P,P,P", 3, "2")]
    [InlineData("R,Q,R,P", 3, "")]
    [InlineData("R,Q,R,R,P", 3, "")]
    [InlineData("F,P:0,P", 5, "2")]
    [InlineData("P:9,P", 2, "1")]
    [InlineData("P,P,P,P", 0, "")]
    [InlineData("S,N,P:0,P:1", 4, "2")]
    public void Next_to_queue_respects_dependencies_order_and_parallelism(string spec, int maxParallel, string expected)
    {
        var tasks = Tasks(spec);

        Assert.Equal(expected, string.Join(",", TaskGraph.NextToQueue(tasks, maxParallel)));
    }

    [Fact]
    public void Next_to_queue_follows_ordinal_not_list_order()
    {
        TaskRecord[] tasks = [Pending(2, "c"), Pending(0, "a"), Pending(1, "b")];

        Assert.Equal(["a", "b"], TaskGraph.NextToQueue(tasks, 2));
    }

    [Fact]
    public void Dependents_of_a_failure_are_blocked_transitively_with_reasons()
    {
        TaskRecord[] tasks =
        [
            Task(0, "1", "Add API", TaskState.Failed),
            Task(1, "2", "Page", TaskState.Pending, ["1"]),
            Task(2, "3", "Docs", TaskState.Pending, ["2"]),
            Task(3, "4", "Other", TaskState.Pending),
            Task(4, "5", "Late", TaskState.Pending, ["4", "3"]),
            Task(5, "6", "Running one", TaskState.Running, ["4"]),
        ];

        var blocked = TaskGraph.NewlyBlocked(tasks);

        Assert.Equal(
            [
                new BlockedTask("2", "task 1 (Add API) failed"),
                new BlockedTask("3", "task 2 (Page) is blocked"),
                new BlockedTask("5", "task 3 (Docs) is blocked"),
            ],
            blocked);
    }

    [Theory]
    [InlineData(TaskState.Failed, "task 1 (First) failed")]
    [InlineData(TaskState.Cancelled, "task 1 (First) was cancelled")]
    [InlineData(TaskState.Blocked, "task 1 (First) is blocked")]
    [InlineData(TaskState.NeedsHuman, "task 1 (First) needs a human")]
    public void Each_unsuccessful_state_blocks_with_its_own_reason(TaskState state, string reason)
    {
        TaskRecord[] tasks = [Task(0, "1", "First", state), Task(1, "2", "Second", TaskState.Pending, ["1"])];

        Assert.Equal([new BlockedTask("2", reason)], TaskGraph.NewlyBlocked(tasks));
    }

    [Theory]
    [InlineData(TaskState.Pending)]
    [InlineData(TaskState.Ready)]
    [InlineData(TaskState.Running)]
    [InlineData(TaskState.Succeeded)]
    public void Healthy_predecessors_block_nothing(TaskState state)
    {
        TaskRecord[] tasks = [Task(0, "1", "First", state), Task(1, "2", "Second", TaskState.Pending, ["1"])];

        Assert.Empty(TaskGraph.NewlyBlocked(tasks));
    }

    [Fact]
    public void Already_blocked_tasks_are_not_reported_again()
    {
        TaskRecord[] tasks = [Task(0, "1", "First", TaskState.Failed), Task(1, "2", "Second", TaskState.Blocked, ["1"])];

        Assert.Empty(TaskGraph.NewlyBlocked(tasks));
    }

    [Theory]
    [InlineData("S,F,C,B,N", true, false)]
    [InlineData("S,S", true, true)]
    [InlineData("S,R", false, false)]
    [InlineData("S,Q", false, false)]
    [InlineData("S,P", false, false)]
    [InlineData("", true, false)]
    public void Completion(string spec, bool complete, bool allSucceeded)
    {
        var tasks = Tasks(spec);

        Assert.Equal(complete, TaskGraph.IsComplete(tasks));
        Assert.Equal(allSucceeded, TaskGraph.AllSucceeded(tasks));
    }

    /// <summary>"S,P:0+1" → task ids 0,1,... with states S/F/C/B/N/P/Q(ready)/R(running) and dependencies after ':'.</summary>
    private static TaskRecord[] Tasks(string spec) =>
        spec.Length == 0 ? [] : [.. spec.Split(',').Select((part, i) =>
        {
            var pieces = part.Split(':');
            var state = pieces[0] switch
            {
                "S" => TaskState.Succeeded,
                "F" => TaskState.Failed,
                "C" => TaskState.Cancelled,
                "B" => TaskState.Blocked,
                "N" => TaskState.NeedsHuman,
                "Q" => TaskState.Ready,
                "R" => TaskState.Running,
                _ => TaskState.Pending,
            };
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task(i, id, "Task " + id, state, pieces.Length > 1 ? pieces[1].Split('+') : []);
        })];
}
