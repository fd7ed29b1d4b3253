using GitBot.Core.Commands;
using GitBot.Git.Repositories;
using GitBot.GitHub.Models;

namespace GitBot.Workflows.Commands;

/// <summary>
/// <c>/agent rebase</c> on an open GitBot pull request (<c>{prefix}/&lt;issue&gt;</c> in this repository): brings the
/// base branch's new commits into the pull request's branch. It is a merge of the base into the head, computed without
/// a worktree (<see cref="BranchMerger"/>), committed with the bot identity and pushed without force
/// (<see cref="BranchPusher"/>), so the branch's history is never rewritten and a push someone made meanwhile is never
/// overwritten (the push is refused and the reply says to ask again). A conflict pushes nothing and needs a human; the
/// issue's plan is never touched. The caller has checked write permission.
/// </summary>
public sealed class RebaseCommand(MirrorCache mirrors, BranchMerger merger, BranchPusher pusher) : IVerbCommand
{
    public AgentVerb Verb => AgentVerb.Rebase;

    /// <summary>Merges the base into the head of the pull request and pushes it, or says why not.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var line = CommandText.Code(command.Text);
        if (!context.Request.IsPullRequest)
        {
            return Failed(line, "Rebase works on GitBot's pull requests: use it on the pull request GitBot opened for this issue.");
        }

        var (pull, error) = await CommandPullRequests.GetAsync(context, cancellationToken);
        if (pull is null)
        {
            return Failed(line, error!);
        }

        var (config, _) = await CommandPullRequests.ConfigAsync(context, pull, cancellationToken);
        if (CommandPullRequests.GitBotIssue(config, pull, context.Request.Repository) is null)
        {
            return Failed(line, $"Rebase works on GitBot's pull requests (branches `{CommandText.Line(config.BranchPrefix, 60)}/<issue>` in this repository); "
                + "this one is not, so nothing was changed.");
        }

        if (!string.Equals(pull.State, "open", StringComparison.Ordinal) || pull.Merged)
        {
            return Failed(line, $"#{pull.Number} is {(pull.Merged ? "merged" : pull.State)}: there is no branch to update.");
        }

        return await UpdateAsync(context, pull, config.BranchPrefix + "/", line, cancellationToken);
    }

    private async Task<CommandOutcome> UpdateAsync(CommandContext context, GitHubPullRequest pull, string prefix, string line, CancellationToken cancellationToken)
    {
        var head = pull.Head.Ref;
        var @base = pull.Base.Ref;
        var cloneUrl = pull.Base.Repo?.CloneUrl;
        var token = await context.Client.Credentials.GetTokenAsync(cancellationToken);
        if (cloneUrl is null || !token.TryGetValue(out var tokenValue))
        {
            return Failed(line, cloneUrl is null
                ? "GitHub gave no clone URL for the repository; nothing was changed."
                : $"No GitHub token for the installation ({CommandText.Line(token.Error!.Message, 160)}); nothing was changed. Try again in a minute.");
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(context.Request.Repository, cloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return Failed(line, $"Fetching the repository failed ({CommandText.Line(cache.Error, 160)}); nothing was changed. Try again in a minute.");
        }

        var merge = await merger.MergeAsync(cache.Value!, pull.Head.Sha, $"refs/remotes/origin/{@base}",
            $"Merge branch '{@base}' into {head}\n\nAsked for with /agent rebase by @{context.Request.Sender}.", cancellationToken);
        if (!merge.Succeeded)
        {
            return Failed(line, $"Merging `{CommandText.Line(@base, 100)}` into `{CommandText.Line(head, 100)}` failed ({CommandText.Line(merge.Error, 200)}); nothing was pushed.");
        }

        var outcome = merge.Value!;
        switch (outcome.Status)
        {
            case MergeStatus.AlreadyUpToDate:
                return new CommandOutcome(CommandOutcomeKind.Done, line,
                    $"Nothing to do: `{CommandText.Line(head, 100)}` already contains `{CommandText.Line(@base, 100)}` (head `{CommandText.Short(pull.Head.Sha)}`).");
            case MergeStatus.Conflict:
                var files = string.Join(", ", outcome.ConflictingFiles.Take(20).Select(f => CommandText.Code(f)));
                var more = outcome.ConflictingFiles.Count > 20 ? $" and {outcome.ConflictingFiles.Count - 20} more" : "";
                return Failed(line, $"Merging `{CommandText.Line(@base, 100)}` into `{CommandText.Line(head, 100)}` conflicts in: {files}{more}. "
                    + "This needs a human: merge it locally, resolve the conflicts and push. Nothing was pushed.");
        }

        var sha = outcome.Sha!;
        var push = await pusher.PushAsync(cache.Value!, sha, head, pull.Base.Repo?.DefaultBranch ?? @base, prefix, credential, cancellationToken);
        if (!push.Succeeded)
        {
            return Failed(line, $"Pushing `{CommandText.Line(head, 100)}` failed ({CommandText.Line(push.Error, 200)}); nothing was changed.");
        }

        if (push.Value == PushStatus.Rejected)
        {
            return Failed(line, $"`{CommandText.Line(head, 100)}` moved while this ran, so nothing was pushed (GitBot never force-pushes). Ask again.");
        }

        // When the head had nothing the base lacks, the merger moves it to the base's own commit: no merge commit.
        var merged = string.Equals(sha, pull.Base.Sha, StringComparison.OrdinalIgnoreCase)
            ? $"Fast-forwarded `{CommandText.Line(head, 100)}` to `{CommandText.Line(@base, 100)}`"
            : $"Merged `{CommandText.Line(@base, 100)}` into `{CommandText.Line(head, 100)}`";
        return new CommandOutcome(CommandOutcomeKind.Done, line,
            $"{merged}: new head `{CommandText.Short(sha)}`. This is a merge, not a history rewrite: GitBot never force-pushes.");
    }

    private static CommandOutcome Failed(string line, string message) => new(CommandOutcomeKind.Failed, line, message);
}
