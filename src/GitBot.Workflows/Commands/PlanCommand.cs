using GitBot.Agents.Configuration;
using GitBot.Core.Commands;
using GitBot.Core.Plans;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent plan</c> on an issue or GitBot's pull request: plans the issue again. The configuration is read from the
/// default branch first, and only when it parses is the issue's unfinished plan (if any) cancelled, as removing the
/// label does, and a new plan started as the trigger label starts one (<see cref="PlanStarter"/>): a new plan record,
/// a new plan comment, planning queued. The issue must have had a plan: the first one is started by the label. While a
/// plan is still being made, the command joins it instead (identical pending commands are coalesced).
/// </summary>
public sealed class PlanCommand(IPlanStore plans, PlanCanceller canceller, PlanStarter starter) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Plan;

    /// <summary>Re-plans; the caller has checked write permission.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        var request = context.Request;
        var (issue, error) = await PlanCommandIssue.ResolveAsync(context, cancellationToken);
        if (issue is not { } number)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"Nothing to re-plan: {error}");
        }

        var latest = await plans.FindLatestAsync(request.Repository, number, cancellationToken);
        if (latest is null)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"#{number} has no plan to make again: add the trigger label to the issue to start the first one.");
        }

        var previous = latest.Plan;
        if (previous.State == PlanState.Planning)
        {
            // Coalesced: a plan being made right now is what this command asks for; cancelling it to start the same
            // thing again would only pay the planner twice (a burst of `/agent plan` makes one plan).
            return new CommandOutcome(CommandOutcomeKind.Done, line,
                $"#{number}'s plan is being made right now (requested by `{CommandText.Line(previous.RequestedBy, 40)}`); this command joins it and nothing was cancelled. Its plan comment follows on the issue.");
        }

        var fetched = await context.Client.Issues.GetAsync(context.Repo.Owner, context.Repo.Name, number, cancellationToken);
        if (!fetched.TryGetValue(out var issueNow))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"GitHub did not answer when asked for #{number} ({CommandText.Line(fetched.Error!.Message, 160)}); nothing was changed, try again.");
        }

        var files = await RepoConfigLoader.LoadAsync(context.Client, context.Repo, previous.DefaultBranch, cancellationToken);
        if (!files.TryGetValue(out var configFiles))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"The configuration could not be read from `{CommandText.Line(previous.DefaultBranch, 100)}` ({CommandText.Line(files.Error!.Message, 160)}); nothing was changed, try again.");
        }

        var parsed = RepoConfigParser.Parse(configFiles);
        if (parsed.Config is not { } config)
        {
            var problems = string.Join("\n", parsed.Problems.Take(10).Select(p => $"- `{CommandText.Line(p.File, 100)}`: {CommandText.Line(p.Message, 200)}"));
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"The configuration on `{CommandText.Line(previous.DefaultBranch, 100)}` does not parse, so no new plan was made and the current one was left as it is:\n{problems}");
        }

        // The label that started the previous plan (it may pin a role, e.g. agent:backend) while it still is a trigger label.
        var label = TriggerLabelMatcher.Match(previous.TriggerLabel, config.TriggerLabel)?.Label ?? config.TriggerLabel;
        var cancelled = !previous.IsFinished
            && await canceller.CancelAsync(request.Repository, number, request.Sender, "re-planned with /agent plan", request.DeliveryId, cancellationToken);
        var creation = await starter.StartAsync(new NewPlan(request.InstallationId, request.Repository, number, issueNow.Title, label, request.Sender,
            previous.DefaultBranch, previous.CloneUrl, ConfigSnapshot.Serialize(configFiles), request.DeliveryId), cancellationToken);
        if (!creation.Created)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"#{number} already has another unfinished plan (started meanwhile), which was left as it is.");
        }

        var before = cancelled ? $"The unfinished plan was cancelled; a" : "A";
        return new CommandOutcome(CommandOutcomeKind.Done, line,
            $"Re-planning #{number} for @{request.Sender}. {before} new plan is being made (label `{CommandText.Line(label, 50)}`); its plan comment follows on the issue.");
    }
}
