namespace GitBot.Core.Plans;

/// <summary>What the planner agent's answer held: the tasks, or why none could be read. Exactly one is set.</summary>
/// <param name="Tasks">The tasks as the planner wrote them (not yet validated, see <see cref="PlanValidator"/>).</param>
/// <param name="Error">What is wrong with the answer, precise enough to tell the planner on a retry.</param>
public sealed record PlannerOutput(IReadOnlyList<PlannedTask>? Tasks, string? Error);
