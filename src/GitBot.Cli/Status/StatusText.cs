using GitBot.Core.Plans;

namespace GitBot.Cli.Status;

/// <summary>State words shared by the tables and the JSON, so scripts and eyes read the same values.</summary>
internal static class StatusText
{
    public static string Plan(PlanState state) => state switch
    {
        PlanState.Planning => "planning",
        PlanState.AwaitingApproval => "awaiting-approval",
        PlanState.Running => "running",
        PlanState.Succeeded => "succeeded",
        PlanState.Failed => "failed",
        PlanState.Cancelled => "cancelled",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Task(TaskState state) => state switch
    {
        TaskState.Pending => "pending",
        TaskState.Ready => "queued",
        TaskState.Running => "running",
        TaskState.Succeeded => "succeeded",
        TaskState.Failed => "failed",
        TaskState.Cancelled => "cancelled",
        TaskState.Blocked => "blocked",
        TaskState.NeedsHuman => "needs-human",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>An agent run's state (<c>Running</c> or an outcome name such as <c>TimedOut</c>) as a word: <c>timed-out</c>.</summary>
    public static string Run(string state)
    {
        var word = new System.Text.StringBuilder(state.Length + 4);
        foreach (var c in state)
        {
            if (char.IsUpper(c) && word.Length > 0)
            {
                word.Append('-');
            }

            word.Append(char.ToLowerInvariant(c));
        }

        return word.ToString();
    }

    /// <summary>Spectre colour of a plan, task or run state word.</summary>
    public static string Colour(string state) => state switch
    {
        "succeeded" => "green",
        "running" or "planning" => "yellow",
        "failed" or "blocked" or "needs-human" or "timed-out" or "max-turns-exceeded" or "budget-exceeded" or "failed-to-start" => "red",
        "awaiting-approval" or "queued" => "blue",
        "cancelled" => "grey",
        _ => "default",
    };
}
