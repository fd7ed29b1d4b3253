namespace GitBot.Core.Commands;

/// <summary>
/// The words and help text of each <see cref="AgentVerb"/>: its command name, usage, description and whether anyone may
/// use it. Stable: the names are what people type, and <c>/agent help</c> is built from this table.
/// </summary>
public static class AgentVerbs
{
    /// <summary>Every verb, in the order <c>/agent help</c> lists them.</summary>
    public static IReadOnlyList<AgentVerb> All { get; } =
    [
        AgentVerb.Help, AgentVerb.Status, AgentVerb.Plan, AgentVerb.Approve, AgentVerb.Retry, AgentVerb.Fix,
        AgentVerb.Review, AgentVerb.Rebase, AgentVerb.Cancel, AgentVerb.Merge, AgentVerb.Budget,
    ];

    /// <summary>The command name, lowercase: <c>help</c>, <c>retry</c>, …</summary>
    public static string Name(AgentVerb verb) => verb switch
    {
        AgentVerb.Help => "help",
        AgentVerb.Status => "status",
        AgentVerb.Plan => "plan",
        AgentVerb.Approve => "approve",
        AgentVerb.Retry => "retry",
        AgentVerb.Fix => "fix",
        AgentVerb.Review => "review",
        AgentVerb.Rebase => "rebase",
        AgentVerb.Cancel => "cancel",
        AgentVerb.Merge => "merge",
        AgentVerb.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };

    /// <summary>Parses a command name, ignoring case (<c>Merge</c> and <c>MERGE</c> are <see cref="AgentVerb.Merge"/>).</summary>
    public static bool TryParse(string? name, out AgentVerb verb)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                verb = candidate;
                return true;
            }
        }

        verb = default;
        return false;
    }

    /// <summary>
    /// True for the verbs anyone may use (<c>help</c>, <c>status</c>): they only read. Every other verb spends money or
    /// changes code or state and needs write, maintain or admin permission.
    /// </summary>
    public static bool OpenToAll(AgentVerb verb) => verb is AgentVerb.Help or AgentVerb.Status;

    /// <summary>The usage as inline Markdown code, e.g. <c>`/agent retry [task]`</c>; safe to post.</summary>
    public static string Usage(AgentVerb verb) => verb switch
    {
        AgentVerb.Retry => "`/agent retry [task]`",
        AgentVerb.Fix => "`/agent fix <instructions>`",
        AgentVerb.Review => "`/agent review [security|tests|judge]`",
        AgentVerb.Budget => "`/agent budget <usd>`",
        _ => $"`/agent {Name(verb)}`",
    };

    /// <summary>What the verb does, one sentence for <c>/agent help</c>.</summary>
    public static string Description(AgentVerb verb) => verb switch
    {
        AgentVerb.Help => "List the commands and who may use them.",
        AgentVerb.Status => "Show the plan, the tasks, the checks, the merge gate and the cost so far.",
        AgentVerb.Plan => "Plan the issue again.",
        AgentVerb.Approve => "Approve the plan so that its tasks start.",
        AgentVerb.Retry => "Run the failed tasks again, or only the task named.",
        AgentVerb.Fix => "Have the coding agent apply the instructions on the pull request branch.",
        AgentVerb.Review => "Run the review agents on the head again, or only the one named.",
        AgentVerb.Rebase => "Update the branch from the base; conflicts hand it to a human.",
        AgentVerb.Cancel => "Stop everything running for this issue or pull request, committing work in progress to the branch.",
        AgentVerb.Merge => "Merge through the gate; when the gate is not green, say what is missing.",
        AgentVerb.Budget => "Set this issue's budget in US dollars (what is left = budget − spent so far; at most two decimals).",
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };
}
