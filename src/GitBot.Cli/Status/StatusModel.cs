namespace GitBot.Cli.Status;

/// <summary>One repository in <c>gitbot status</c>: its plans counted by state, tasks running now, what its issues spent.</summary>
internal sealed record RepositoryStatus(string Repository, IReadOnlyDictionary<string, int> Plans, int RunningTasks, decimal CostUsd);

/// <summary>One issue of a repository: its newest plan's state and progress, and everything the issue spent.</summary>
internal sealed record IssueStatus(int Issue, string Title, long PlanId, string State, int TasksDone, int TasksTotal, decimal CostUsd, int? PullRequest);

/// <summary>
/// An issue's newest plan. <see cref="OtherCostUsd"/> is what the issue spent outside this plan's tasks (earlier plans,
/// fixes, feedback, reviews); <see cref="TotalCostUsd"/> is both, the same "cost so far" as <c>/agent status</c>.
/// </summary>
internal sealed record PlanStatus(
    long PlanId,
    string Repository,
    int Issue,
    string Title,
    string State,
    string? Reason,
    int? PullRequest,
    IReadOnlyList<TaskLine> Tasks,
    decimal TaskCostUsd,
    decimal OtherCostUsd,
    decimal TotalCostUsd,
    IReadOnlyList<RunLine> Runs);

/// <summary>One task of a plan with its latest run; the duration runs to now while the task is running.</summary>
internal sealed record TaskLine(
    string Id,
    string Title,
    string Role,
    IReadOnlyList<string> DependsOn,
    string State,
    int Attempt,
    string? Node,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    decimal CostUsd,
    string? Reason,
    string? CommitSha,
    string? LogPath);
