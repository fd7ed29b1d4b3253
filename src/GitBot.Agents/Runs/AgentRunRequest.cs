using GitBot.Core.Configuration;
using GitBot.Core.Runs;

namespace GitBot.Agents.Runs;

/// <summary>One headless agent run in a prepared working directory.</summary>
/// <param name="RunId">Correlates logs, e.g. <c>octo/widgets#12/A/1</c>.</param>
/// <param name="Role">The role: backend, tools, model, prompt, command.</param>
/// <param name="Prompt">The task prompt (untrusted text: passed as one argument or on stdin, never through a shell).</param>
/// <param name="WorkingDirectory">The worktree the agent works in.</param>
/// <param name="LogPath">File that receives the run's streamed stdout and stderr (created, appended).</param>
/// <param name="MaxTurns">Turn limit.</param>
/// <param name="BudgetUsd">Spend limit for this run.</param>
/// <param name="Timeout">Wall-clock limit; the whole process tree is killed after it.</param>
public sealed record AgentRunRequest(
    string RunId,
    RoleDefinition Role,
    string Prompt,
    string WorkingDirectory,
    string LogPath,
    int MaxTurns,
    decimal BudgetUsd,
    TimeSpan Timeout)
{
    /// <summary>
    /// What the run works for. When set, the host's recording runner stores the run in <c>agent_runs</c> (Running
    /// before it starts, its outcome after); null runs are not recorded (e.g. on an Actions runner without the database).
    /// </summary>
    public AgentRunSubject? Subject { get; init; }
}
