namespace GitBot.Core.Executors;

/// <summary>The <c>executor</c> and <c>actions</c> settings of a repository.</summary>
/// <param name="Kind">Where tasks run. Default <see cref="ExecutorKind.Workers"/>.</param>
/// <param name="Workflow">The workflow file (in <c>.github/workflows/</c>) dispatched per task. Default <c>gitbot-task.yml</c>.</param>
/// <param name="Ref">The branch the workflow is dispatched on; null means the repository's default branch.</param>
/// <param name="Timeout">How long a dispatched task may go without a result before it fails. Default 30 minutes.</param>
public sealed record ExecutorSettings(ExecutorKind Kind, string Workflow, string? Ref, TimeSpan Timeout)
{
    public static ExecutorSettings Default { get; } = new(ExecutorKind.Workers, "gitbot-task.yml", null, TimeSpan.FromMinutes(30));
}
