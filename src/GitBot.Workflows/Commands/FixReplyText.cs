using System.Globalization;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The words of an <c>/agent fix</c> reply section. Guarantee: it mentions nobody and references nothing; untrusted and
/// tool-made text (branch names, reasons, the agent's summary) goes through <see cref="CommandText"/>.
/// </summary>
internal static class FixReplyText
{
    public static string Queued(string branch) =>
        $"Queued: the coding agent will apply these instructions to `{Branch(branch)}` when an agent slot is free. This reply says what happened.";

    public static string Running(string branch) =>
        $"Running: the coding agent is working on `{Branch(branch)}`.";

    public static string Final(FixOutcome outcome, string branch, string sender)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var reason = CommandText.Line(outcome.Reason, 600);
        var cost = outcome.CostUsd > 0 ? string.Create(CultureInfo.InvariantCulture, $" (agent cost ${outcome.CostUsd:0.00})") : string.Empty;
        return outcome.State switch
        {
            FixReplyState.Pushed when outcome.Earlier =>
                $"Done: `{CommandText.Short(outcome.CommitSha)}` on `{Branch(branch)}` already carries this fix (pushed by an earlier run).",
            FixReplyState.Pushed =>
                $"Done: pushed `{CommandText.Short(outcome.CommitSha)}` to `{Branch(branch)}`{cost}. The review agents run again on the new head.",
            FixReplyState.NoChange =>
                $"No change: the coding agent finished without changing anything, so nothing was pushed{cost}.{Because(reason, "It said: ")}",
            // GitBot's own words and figures (BranchBudgetCheck.Refusal): kept as they are, backticks included.
            FixReplyState.OverBudget => $"{outcome.Reason} Nothing was run.",
            FixReplyState.Refused =>
                $"Refused when the job started: `{CommandText.Line(sender, 40).Replace('`', '\'')}` {reason}. Nothing was run and nothing was spent.",
            _ => $"Failed: nothing was pushed{cost}.{Because(reason, "Reason: ")}",
        };
    }

    private static string Branch(string branch) => CommandText.Line(branch, 120).Replace('`', '\'');

    private static string Because(string reason, string lead) => reason.Length == 0 ? string.Empty : $" {lead}{reason}";
}
