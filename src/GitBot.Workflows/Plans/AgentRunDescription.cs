using System.Globalization;
using GitBot.Agents.Runs;
using GitBot.Core.Configuration;

namespace GitBot.Workflows.Plans;

/// <summary>Why an agent run did not succeed, in one sentence for a plan comment or a reply (callers scrub and escape it).</summary>
public static class AgentRunDescription
{
    public static string Describe(AgentRunResult result, RepoLimits limits)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(limits);
        return result.Outcome switch
        {
            AgentOutcome.TimedOut => $"the agent ran past its {limits.TaskTimeout} limit and was stopped",
            AgentOutcome.MaxTurnsExceeded => $"the agent used its {limits.MaxTurns.ToString(CultureInfo.InvariantCulture)} turns without finishing",
            AgentOutcome.BudgetExceeded => "the agent reached its budget without finishing",
            AgentOutcome.FailedToStart => $"the agent could not be started: {result.Summary}",
            _ => $"the agent failed (exit code {result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {result.Summary}",
        };
    }
}
