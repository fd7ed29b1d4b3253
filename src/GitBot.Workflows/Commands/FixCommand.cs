using System.Globalization;
using GitBot.Core.Commands;
using GitBot.Agents.Configuration;
using GitBot.Core.Plans;
using GitBot.Workflows.Feedback;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent fix &lt;instructions&gt;</c> on an open GitBot pull request (head <c>{branch_prefix}/&lt;issue&gt;</c> in this
/// repository; a fork's or a person's branch is refused): queues a persistent <see cref="FixJob"/> that asks for the
/// sender's permission again when it starts, runs the coding role on the branch with the instructions as fenced
/// untrusted text, commits with the <c>GitBot-Fix</c> trailer, pushes (never forced) and edits this reply with the
/// result. One fix job per pull request: while one is queued or running, an identical command is coalesced into it and
/// a different one is refused ("try again when it finishes") — refusing is simpler and more honest than a hidden queue.
/// A redelivered command answers with its reply as it stands and queues nothing. The caller has checked write permission.
/// </summary>
public sealed class FixCommand(IPlanStore plans, FeedbackTargetResolver resolver, FixJobScheduler jobs) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Fix;

    /// <summary>Queues the fix, or says why not.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        var request = context.Request;
        if (!request.IsPullRequest)
        {
            return await OnIssueAsync(context, line, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(command.Instructions))
        {
            return new CommandOutcome(CommandOutcomeKind.Invalid, line, "Say what to change: `/agent fix <instructions>`.");
        }

        // A redelivered comment: its reply already tells where the fix stands, and says so again unchanged.
        var replies = await Issues.IssueCommentWriter.FindAsync(context.Client, context.Repo, request.Number,
            CommandReplyRenderer.Marker(request.Source, request.SourceId), cancellationToken);
        if (replies.Select(r => FixReply.Find(r.Body, request.SourceId)).FirstOrDefault(s => s is not null) is { } answered
            && FixReply.IsFinal(answered.State))
        {
            return new CommandOutcome(answered.State == FixReplyState.Pushed || answered.State == FixReplyState.NoChange
                ? CommandOutcomeKind.Done : CommandOutcomeKind.Failed, line, answered.Section);
        }

        var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
        if (pull is null)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, error!);
        }

        if (!string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"#{pull.Number} is {CommandText.Line(pull.State, 20)}: fix works on open pull requests.");
        }

        const string NotGitBot = "fix works on GitBot's pull requests (a branch GitBot made in this repository); nothing was done.";
        if (!string.Equals(pull.Head.Repo?.FullName, request.Repository, StringComparison.OrdinalIgnoreCase))
        {
            // A fork's code never runs under an agent holding this repository's write credentials.
            return new CommandOutcome(CommandOutcomeKind.Failed, line, $"This pull request comes from another repository: {NotGitBot}");
        }

        var defaultBranch = pull.Base.Repo?.DefaultBranch ?? pull.Base.Ref;
        var target = await resolver.ResolveAsync(context.Client, request.Repository, defaultBranch, pull.Head.Ref, cancellationToken);
        if (target.Target is null)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, target.Status switch
            {
                FeedbackTargetStatus.NotGitBotBranch => $"`{CommandText.Line(pull.Head.Ref, 120).Replace('`', '\'')}` is not a GitBot branch: {NotGitBot}",
                FeedbackTargetStatus.ConfigUnreadable => "The GitBot configuration could not be read just now; try again in a minute.",
                _ => "The GitBot configuration on the default branch is invalid, so no agent runs; fix `.github/gitbot.yml` first.",
            });
        }

        var cloneUrl = pull.Base.Repo?.CloneUrl;
        if (string.IsNullOrEmpty(cloneUrl))
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, line, "GitHub did not say where to fetch this repository from; try again.");
        }

        var fix = new FixRequest(request.DeliveryId, request.InstallationId, request.Repository, pull.Number, request.Source, request.SourceId,
            request.Sender, command.Instructions, defaultBranch, cloneUrl);
        var scheduled = await jobs.ScheduleAsync(fix, cancellationToken);
        var queued = FixReply.Section(request.SourceId, FixReplyState.Queued, FixReplyText.Queued(pull.Head.Ref));
        return scheduled.Status switch
        {
            FixScheduleStatus.Queued => new CommandOutcome(CommandOutcomeKind.Done, line, queued),
            FixScheduleStatus.SameCommand => new CommandOutcome(CommandOutcomeKind.Done, line,
                replies.Select(r => FixReply.Find(r.Body, request.SourceId)).FirstOrDefault(s => s is not null)?.Section ?? queued),
            FixScheduleStatus.Coalesced => new CommandOutcome(CommandOutcomeKind.Done, line,
                $"Already queued: an identical `/agent fix` ({Source(scheduled.Existing!)}) is queued or running on this pull request; it runs once, and its reply says what happened."),
            _ => new CommandOutcome(CommandOutcomeKind.Failed, line,
                $"A fix is already queued or running on this pull request{(scheduled.Existing is { } other ? $" ({Source(other)})" : "")}; nothing was queued. Try again when it finishes."),
        };
    }

    /// <summary>On an issue: points to its open GitBot pull request, if there is one.</summary>
    private async Task<CommandOutcome> OnIssueAsync(CommandContext context, string line, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var plan = (await plans.FindLatestAsync(request.Repository, request.Number, cancellationToken))?.Plan;
        int? open = null;
        if (plan?.PullRequestNumber is { } number)
        {
            var pull = await context.Client.PullRequests.GetAsync(context.Repo.Owner, context.Repo.Name, number, cancellationToken);
            open = pull.TryGetValue(out var value) && string.Equals(value.State, "open", StringComparison.Ordinal) ? number : null;
        }
        else
        {
            var head = $"{context.Repo.Owner}:{RepoConfigParser.Defaults.BranchPrefix}/{request.Number.ToString(CultureInfo.InvariantCulture)}";
            var listed = await context.Client.PullRequests.ListAsync(context.Repo.Owner, context.Repo.Name, head, "open", cancellationToken);
            open = listed.TryGetValue(out var pulls) && pulls.Count > 0 ? pulls[0].Number : null;
        }

        return new CommandOutcome(CommandOutcomeKind.Failed, line, open is { } found
            ? $"fix works on a pull request: write it on #{found.ToString(CultureInfo.InvariantCulture)}, GitBot's pull request for this issue."
            : "fix needs a pull request: this issue has no open GitBot pull request to apply it to.");
    }

    private static string Source(FixRequest other) =>
        $"{(other.Source == CommandSourceKind.Review ? "review" : "comment")} {other.SourceId.ToString(CultureInfo.InvariantCulture)}";
}
