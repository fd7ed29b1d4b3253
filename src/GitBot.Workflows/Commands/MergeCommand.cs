using System.Text;
using GitBot.Core.Commands;
using GitBot.Workflows.Reviews;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent merge</c> on a pull request: merges only through the gate. The gate is recomputed from what GitHub says
/// now; when it is green GitBot merges passing the judged head as <c>sha</c>, so a push in between makes GitHub refuse.
/// When it is not green, the reply lists exactly what is missing. GitBot never approves. The caller has checked write
/// permission.
/// </summary>
public sealed class MergeCommand(GateRecomputer gate) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Merge;

    /// <summary>Recomputes the gate with a merge asked for, and says what happened.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        if (!context.Request.IsPullRequest)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, "Merging is for pull requests: use it on a pull request.");
        }

        var result = await gate.RecomputeAsync(context.Request.InstallationId, context.Request.Repository, context.Request.Number, merge: true,
            cancellationToken);
        if (result.Decision is not { } decision)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"Not merged: {CommandText.Line(result.Skipped)}. GitBot merges only through `gitbot/gate`.");
        }

        if (!decision.Green)
        {
            var text = new StringBuilder($"Not merged: `gitbot/gate` is not green ({CommandText.Line(decision.Title)}). Missing:\n");
            foreach (var missing in decision.Missing)
            {
                text.Append("- ").Append(CommandText.Line(missing)).Append('\n');
            }

            return new CommandOutcome(CommandOutcomeKind.Failed, line, text.ToString());
        }

        if (result.Merge is not { } merge)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, "Not merged: the gate is green but no merge was tried; try again.");
        }

        return merge.Merged
            ? new CommandOutcome(CommandOutcomeKind.Done, line,
                $"Merged `{CommandText.Short(merge.HeadSha)}` through the gate: merge commit {CommandText.Code(merge.MergeCommitSha)}.")
            : new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"Not merged: GitHub refused to merge `{CommandText.Short(merge.HeadSha)}` ({CommandText.Line(merge.Error)}). "
                + "If the branch moved, the reviews and the gate run again on the new head; ask again once it is green.");
    }
}
