using System.Text;

namespace GitBot.Core.Reviews.Gate;

/// <summary>
/// Decides the <c>gitbot/gate</c> check for a pull request head. Green only when every required agent check succeeded
/// on the head as a check run from GitBot's App (same-named runs from other Apps and commit statuses from anyone are
/// ignored), at least the required number of people approved the head (type <c>User</c>, write access or more, not
/// GitBot, not an agent identity, not the author, not the last pusher; only each person's latest approving or
/// change-requesting review counts, a dismissed one counts as neither, a comment never counts), and no person's latest
/// review requests changes. Workflow or CODEOWNERS changes always need at least one approval. Pure and linear in the
/// number of reviews and check runs.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Evaluates the gate.</summary>
    public static GateDecision Evaluate(GateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var missing = new List<string>();
        var blocking = new List<string>();
        var notes = new List<string>();
        GateChecks.Evaluate(input, missing, blocking, notes);
        GateApprovals.Evaluate(input, missing, blocking, notes);

        var shortSha = GateText.Short(input.HeadSha);
        var conclusion = missing.Count == 0
            ? GateConclusion.Success
            : blocking.Count > 0 ? GateConclusion.Failure : GateConclusion.Pending;
        var title = conclusion switch
        {
            GateConclusion.Success => $"Ready to merge {shortSha}",
            GateConclusion.Failure => $"Blocked: {blocking[0]}",
            _ => missing.Count == 1 ? $"Waiting: {missing[0]}" : $"Waiting for {missing.Count} things",
        };

        var summary = new StringBuilder();
        if (missing.Count == 0)
        {
            summary.Append("All required agent checks succeeded and enough people with write access approved ").Append(shortSha).Append(".\n");
        }
        else
        {
            summary.Append("Missing on ").Append(shortSha).Append(":\n\n");
            foreach (var line in missing)
            {
                summary.Append("- ").Append(line).Append('\n');
            }
        }

        if (notes.Count > 0)
        {
            summary.Append("\nIgnored:\n\n");
            foreach (var note in notes)
            {
                summary.Append("- ").Append(note).Append('\n');
            }
        }

        return new GateDecision(conclusion == GateConclusion.Success, conclusion, title, summary.ToString(), missing);
    }
}
