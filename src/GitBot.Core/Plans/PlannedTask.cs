namespace GitBot.Core.Plans;

/// <summary>One task as planned: what to do, by which role, after which tasks, touching which files.</summary>
/// <param name="Id">Short id unique in the plan (<c>1</c>, <c>2</c>, or a planner's <c>api</c>); safe in a branch name.</param>
/// <param name="Title">One line for the checklist.</param>
/// <param name="Role">The role (agent definition) that runs it.</param>
/// <param name="Instructions">What the agent is told; untrusted text from the issue or the planner.</param>
/// <param name="DependsOn">Ids of tasks that must succeed first.</param>
/// <param name="Files">Paths or globs the task is expected to touch; may be empty.</param>
public sealed record PlannedTask(
    string Id,
    string Title,
    string Role,
    string Instructions,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Files);
