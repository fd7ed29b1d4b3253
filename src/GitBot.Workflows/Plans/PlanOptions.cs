namespace GitBot.Workflows.Plans;

/// <summary>Settings of the issue-to-pull-request flow (configuration section <c>Plans</c>).</summary>
public sealed class PlanOptions
{
    public const string SectionName = "Plans";

    /// <summary>
    /// The public base URL of this GitBot (e.g. <c>https://gitbot.example.com</c>); plan comments link each task's log
    /// under it (<c>/plans/{plan}/tasks/{task}/log?sig=…</c>, signed so only the posted link opens it). No links when
    /// unset. A log is served by the node that ran the task.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often a running task checks whether it was cancelled (label removed). Default 1 s.</summary>
    public TimeSpan CancellationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a failed push of the integration branch (someone else pushed first) is retried. Default 5.</summary>
    public int MergeAttempts { get; set; } = 5;
}
