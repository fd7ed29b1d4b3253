using System.Globalization;
using GitBot.Agents.Backends;
using GitBot.Core.Budgets;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Git.Repositories;
using GitBot.Workflows.Feedback;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Carries out one <c>/agent fix</c> job, start to end, and edits the command's reply with what happened. Guarantees, in
/// order: an answered command (its reply section is final) does nothing; the sender's write permission is asked of the
/// API again before anything is spent, and anything but "write" (including an API error) refuses, fail closed; the pull
/// request must still be open, on a GitBot branch (<see cref="FeedbackTargetResolver"/>) of this repository — never a
/// fork, so no agent runs with write credentials on a fork's code; a commit already carrying this command's
/// <see cref="FixAgentStep.FixTrailer"/> on the branch is reported instead of running the agent again (a redelivered
/// command, a job recovered after a crash). The configuration is the plan's snapshot or the default branch's, never
/// the pull request's own. The issue's budget is checked after the permission and before the agent: when it is spent
/// the agent does not start and the reply says how to continue; otherwise the agent's budget is the task budget capped
/// by what is left, and what it cost is added to the issue's spending (<see cref="BranchBudget"/>) whatever the outcome.
/// </summary>
public sealed partial class FixRunner(
    GitHubClientFactory github,
    FeedbackTargetResolver resolver,
    MirrorCache mirrors,
    BranchInspector inspector,
    FixAgentStep agentStep,
    BranchBudget budget,
    IOptions<AgentOptions> agentOptions,
    TimeProvider time,
    ILogger<FixRunner> logger)
{
    /// <summary>How long the job waits for the intake to write the command's reply before posting its own.</summary>
    public static readonly TimeSpan ReplyWait = TimeSpan.FromMinutes(1);

    public async Task RunAsync(FixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = github.ForInstallation(request.InstallationId);
        if (await FixReply.ReadAsync(client, request, cancellationToken) is { } section && FixReply.IsFinal(section.State))
        {
            LogAlreadyAnswered(logger, request.DeliveryId, request.Subject);
            return;
        }

        LogStarted(logger, request.DeliveryId, request.Subject);
        var (outcome, branch) = await RunStepsAsync(client, request, cancellationToken);

        // The answer is written even when this node is stopping: the run is over either way.
        await FixReply.WriteAsync(client, request, outcome.State, FixReplyText.Final(outcome, branch, request.Sender), time, ReplyWait, CancellationToken.None);
        if (outcome.State != FixReplyState.Pushed && request.Source == CommandSourceKind.Comment)
        {
            var repo = RepositoryName.Parse(request.Repository);
            await client.Issues.AddCommentReactionAsync(repo.Owner, repo.Name, request.SourceId, ReactionContent.Confused, CancellationToken.None);
        }

        LogFinished(logger, request.DeliveryId, request.Subject, outcome.State, outcome.CommitSha ?? "-", outcome.CostUsd, outcome.Reason ?? "ok");
    }

    private async Task<(FixOutcome Outcome, string Branch)> RunStepsAsync(GitHubClient client, FixRequest request, CancellationToken cancellationToken)
    {
        var permission = await CommandPermissionChecker.CheckAsync(client, request.Repository, request.Sender, cancellationToken);
        if (permission != CommandPermission.Write)
        {
            LogRefused(logger, request.DeliveryId, request.Subject, request.Sender, permission);
            return (new FixOutcome(FixReplyState.Refused, null, permission == CommandPermission.Unknown
                ? "could not be checked for write access (GitHub did not answer), so the fix did not run; ask again in a minute"
                : "no longer has write access to this repository", 0m), "?");
        }

        var repo = RepositoryName.Parse(request.Repository);
        var pull = await client.PullRequests.GetAsync(repo.Owner, repo.Name, request.PullNumber, cancellationToken);
        if (!pull.TryGetValue(out var pullValue))
        {
            return (FixOutcome.Fail($"the pull request could not be read: {pull.Error!.Message}"), "?");
        }

        var branch = pullValue.Head.Ref;
        if (!string.Equals(pullValue.State, "open", StringComparison.Ordinal))
        {
            return (FixOutcome.Fail("the pull request is no longer open"), branch);
        }

        if (!string.Equals(pullValue.Head.Repo?.FullName, request.Repository, StringComparison.OrdinalIgnoreCase))
        {
            return (FixOutcome.Fail("the pull request's branch is in another repository; fix works on GitBot's pull requests"), branch);
        }

        var resolution = await resolver.ResolveAsync(client, request.Repository, request.DefaultBranch, branch, cancellationToken);
        if (resolution.Target is not { } target)
        {
            return (FixOutcome.Fail(resolution.Problem ?? "the branch is not GitBot's"), branch);
        }

        if (!target.Config.Roles.TryGetValue(target.RoleName, out var role))
        {
            return (FixOutcome.Fail($"role `{target.RoleName}` is not defined"), branch);
        }

        var check = await budget.CheckAsync(request.Repository, target.IssueNumber, target.Config.Limits, cancellationToken);
        if (check.IsSpent)
        {
            LogOverBudget(logger, request.DeliveryId, request.Subject, target.IssueNumber, check.IssueLimitUsd, check.SpentUsd);
            return (new FixOutcome(FixReplyState.OverBudget, null, check.Refusal(), 0m), branch);
        }

        await FixReply.WriteAsync(client, request, FixReplyState.Running, FixReplyText.Running(branch), time, ReplyWait, cancellationToken);
        try
        {
            return (await RunAgentAsync(client, request, target, role, pullValue, check.RunBudgetUsd, cancellationToken), branch);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (FixOutcome.Fail("the run was stopped before it finished (GitBot was shutting down); ask again to retry"), branch);
        }
    }

    private async Task<FixOutcome> RunAgentAsync(GitHubClient client, FixRequest request, FeedbackTarget target,
        Core.Configuration.RoleDefinition role, GitHubPullRequest pull, decimal budgetUsd, CancellationToken cancellationToken)
    {
        var token = await client.Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return FixOutcome.Fail($"no GitHub token for the installation: {token.Error!.Message}");
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(request.Repository, request.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return FixOutcome.Fail($"fetching {request.Repository} failed: {cache.Error}");
        }

        var cachePath = cache.Value!;
        var done = await inspector.FindCommitWithTrailerAsync(cachePath, $"refs/remotes/origin/{target.Branch}",
            FixAgentStep.FixTrailer, request.TrailerValue, cancellationToken);
        if (done is not null)
        {
            LogAlreadyPushed(logger, request.DeliveryId, request.Subject, done);
            return new FixOutcome(FixReplyState.Pushed, done, null, 0m, Earlier: true);
        }

        if (await inspector.ResolveAsync(cachePath, pull.Head.Sha, cancellationToken) is null)
        {
            return FixOutcome.Fail($"the pull request's head {pull.Head.Sha} is not in {target.Branch} as fetched; it moved, ask again on the new head");
        }

        var repo = RepositoryName.Parse(request.Repository);
        var issueTitle = target.Plan?.IssueTitle;
        if (issueTitle is null)
        {
            var issue = await client.Issues.GetAsync(repo.Owner, repo.Name, target.IssueNumber, cancellationToken);
            issueTitle = issue.TryGetValue(out var issueValue) ? issueValue.Title : pull.Title;
        }

        var prompt = FixPromptBuilder.Build(new FixPromptInput(request.Repository, request.PullNumber, target.Branch, target.IssueNumber,
            issueTitle, request.Sender, request.Instructions));
        var logPath = Path.GetFullPath(Path.Combine(agentOptions.Value.LogRoot, "fix", $"{repo.Owner}+{repo.Name}",
            $"{request.PullNumber.ToString(CultureInfo.InvariantCulture)}-{request.TrailerValue}.log"));
        var outcome = await agentStep.RunAsync(new FixStepInput(request, target.Config, target.Branch, role, prompt, pull.Head.Sha, cachePath,
            credential, logPath, budgetUsd)
        {
            IssueNumber = target.IssueNumber,
        }, cancellationToken);
        await budget.RecordAsync(request.Repository, target.IssueNumber, SpendingSource.Fix, request.TrailerValue, outcome.CostUsd);
        if (outcome.State == FixReplyState.Failed && outcome.CommitSha is null)
        {
            // Bring the cache up to date (the branch may have moved), so the next run starts from what GitHub holds.
            await mirrors.EnsureAsync(request.Repository, request.CloneUrl, credential, cancellationToken);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} started")]
    private static partial void LogStarted(ILogger logger, string deliveryId, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} already answered; nothing to do")]
    private static partial void LogAlreadyAnswered(ILogger logger, string deliveryId, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} refused at job start: {Sender} has {Permission}")]
    private static partial void LogRefused(ILogger logger, string deliveryId, string subject, string sender, CommandPermission permission);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} not run: the budget of issue #{Issue} (${LimitUsd}) is spent (${SpentUsd})")]
    private static partial void LogOverBudget(ILogger logger, string deliveryId, string subject, int issue, decimal limitUsd, decimal spentUsd);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject} was already pushed as {Sha} by an earlier run; not running the agent again")]
    private static partial void LogAlreadyPushed(ILogger logger, string deliveryId, string subject, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Subject}: {State} (commit {Sha}, cost {CostUsd}): {Reason}")]
    private static partial void LogFinished(ILogger logger, string deliveryId, string subject, FixReplyState state, string sha, decimal costUsd, string reason);
}
