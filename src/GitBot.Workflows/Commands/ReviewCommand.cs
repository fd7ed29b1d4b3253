using GitBot.Core.Commands;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Workflows.Reviews;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent review [security|tests|judge]</c> on a pull request, any pull request (not only GitBot's): runs the named
/// agent, or every agent of the repository's <c>reviews.agents</c>, again on the current head. The caller has checked
/// write permission; the configuration comes from the default branch.
/// </summary>
public sealed class ReviewCommand(ReviewRequester requester) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Review;

    /// <summary>Requests the reviews and says which were queued.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        if (!context.Request.IsPullRequest)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, "Reviews run on pull requests: use it on a pull request.");
        }

        var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
        if (pull is null)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, error!);
        }

        if (!string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"#{pull.Number} is {CommandText.Line(pull.State, 20)}: only open pull requests are reviewed.");
        }

        var (config, valid) = await CommandPullRequests.ConfigAsync(context, pull, cancellationToken);
        if (!valid)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                "The GitBot configuration on the default branch is invalid, so no reviews run; fix `.github/gitbot.yml` first.");
        }

        IReadOnlyList<ReviewAgentKind> agents = command.Agent is { } one ? [one] : config.Reviews.Agents;
        if (agents.Count == 0)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line,
                "This repository has no review agents (`reviews.agents` is empty); name one: `security`, `tests` or `judge`.");
        }

        var requested = await requester.RequestAsync(context.Client, context.Request.InstallationId, context.Repo, pull.Number, pull.Head.Sha,
            agents, again: true, cancellationToken);
        var names = string.Join(", ", requested.Select(r => $"`{ReviewAgentNames.CheckName(r.Agent)}`"
            + (r.State == ReviewRunState.Running ? " (already running)" : "")));
        return new CommandOutcome(CommandOutcomeKind.Done, line, $"Review requested on `{CommandText.Short(pull.Head.Sha)}`: {names}.");
    }
}
