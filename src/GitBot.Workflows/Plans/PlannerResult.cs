using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>The planner agent's plan (valid), or the problems that kept it from being one.</summary>
public sealed record PlannerResult(IReadOnlyList<PlannedTask>? Tasks, IReadOnlyList<string> Problems);
