namespace GitBot.Core.Configuration;

/// <summary>An agent role: who it is, what it may use and how it runs.</summary>
/// <param name="Name">Role name, e.g. <c>backend</c>; lower-case letters, digits, <c>-</c> and <c>_</c>.</param>
/// <param name="Description">One line for plans and the planner.</param>
/// <param name="Prompt">System prompt appended for this role.</param>
/// <param name="Tools">Tool allowlist (Claude Code tool names, e.g. <c>Read</c>, <c>Edit</c>, <c>Bash(npm test:*)</c>).</param>
/// <param name="Model">Model name, or null for the backend's default.</param>
/// <param name="Backend"><c>claude</c> (Claude Code CLI) or <c>command</c> (any CLI agent).</param>
/// <param name="Command">For <c>command</c>: the argument vector; <c>{prompt}</c> in an argument is replaced by the prompt.</param>
/// <param name="PromptOnStdin">For <c>command</c>: the prompt is written to stdin rather than passed as an argument.</param>
/// <param name="PassEnvironment">Non-secret environment variable names the agent may see.</param>
/// <param name="Source">Where it was defined: <c>built-in</c>, <c>.github/gitbot.yml</c> or the role file path.</param>
public sealed record RoleDefinition(
    string Name,
    string Description,
    string Prompt,
    IReadOnlyList<string> Tools,
    string? Model,
    string Backend,
    IReadOnlyList<string> Command,
    bool PromptOnStdin,
    IReadOnlyList<string> PassEnvironment,
    string Source)
{
    /// <summary>
    /// Node labels a task of this role needs (e.g. <c>gpu</c>): it runs only on a node whose <c>Scheduler:Labels</c>
    /// include every one of them. Empty (the default) runs anywhere. Sorted, distinct, lower-case.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
