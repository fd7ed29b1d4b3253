using System.Globalization;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Rendering;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Ends a plan whose tasks are all finished. All succeeded: a draft pull request from the integration branch to the
/// default branch (found again by its head branch, never opened twice; its body is brought up to date when it
/// exists). Otherwise: one report comment on the issue (found again by its marker) saying what succeeded, what
/// did not and why; the integration branch keeps the work done.
/// </summary>
public sealed partial class PlanFinisher(
    IPlanStore store,
    PlanEngine engine,
    PlanConfiguration configuration,
    PlanCommentPublisher comments,
    GitHubClientFactory github,
    TimeProvider time,
    ILogger<PlanFinisher> logger)
{
    public async Task FinishAsync(long planId, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetAsync(planId, cancellationToken);
        if (snapshot is null || snapshot.Plan.State != PlanState.Running || !TaskGraph.IsComplete(snapshot.Tasks))
        {
            return;
        }

        var plan = snapshot.Plan;
        var config = configuration.For(plan);
        var client = github.ForInstallation(plan.InstallationId);
        var repo = RepositoryName.Parse(plan.Repository);
        var context = comments.Context(plan);
        PlanState state;
        int? pullNumber = null;
        string? reason = null;
        if (TaskGraph.AllSucceeded(snapshot.Tasks) && snapshot.Tasks.All(t => t.CommitSha is null))
        {
            // Nothing to review: GitHub refuses a pull request without commits, and there is nothing to merge.
            state = PlanState.Succeeded;
            reason = "every task succeeded without changing anything, so there is no pull request";
            await ReportAsync(client, repo, plan, $"{PlanReportRenderer.Marker(plan.Id)}\nGitBot finished: {reason}.", cancellationToken);
        }
        else if (TaskGraph.AllSucceeded(snapshot.Tasks))
        {
            var opened = await OpenPullRequestAsync(client, repo, plan, PlanConfiguration.IntegrationBranch(config, plan),
                PullRequestBodyRenderer.Render(snapshot, context), cancellationToken);
            if (opened.TryGetValue(out var pull))
            {
                state = PlanState.Succeeded;
                pullNumber = pull.Number;
                LogOpened(logger, planId, pull.Number);
            }
            else
            {
                state = PlanState.Failed;
                reason = $"the pull request could not be opened: {opened.Error!.Message}";
                await ReportAsync(client, repo, plan, $"{PlanReportRenderer.Marker(plan.Id)}\nGitBot could not finish: {GitBot.Core.Text.SecretScrubber.Scrub(reason)}", cancellationToken);
            }
        }
        else
        {
            state = PlanState.Failed;
            var failed = snapshot.Tasks.Count(t => t.State != TaskState.Succeeded);
            reason = $"{failed.ToString(CultureInfo.InvariantCulture)} of {snapshot.Tasks.Count.ToString(CultureInfo.InvariantCulture)} tasks did not succeed";
            await ReportAsync(client, repo, plan, PlanReportRenderer.RenderFailure(snapshot, context), cancellationToken);
        }

        await engine.UpdateAsync(planId, current =>
        {
            if (current.Plan.State != PlanState.Running)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(current, time.GetUtcNow(), "gitbot");
            builder.SetPlan(current.Plan with { State = state, PullRequestNumber = pullNumber ?? current.Plan.PullRequestNumber, Reason = reason }, reason);
            return builder.Build();
        }, cancellationToken);
        await comments.RefreshAsync(planId, cancellationToken);
    }

    private static async Task<GitHub.Results.GitHubResult<GitHubPullRequest>> OpenPullRequestAsync(
        GitHubClient client, RepositoryName repo, PlanRecord plan, string branch, string body, CancellationToken cancellationToken)
    {
        var existing = await client.PullRequests.ListAsync(repo.Owner, repo.Name, $"{repo.Owner}:{branch}", "open", cancellationToken);
        if (existing.TryGetValue(out var pulls) && pulls.Count > 0)
        {
            return await client.PullRequests.UpdateAsync(repo.Owner, repo.Name, pulls[0].Number, new UpdatePullRequestRequest(Body: body), cancellationToken);
        }

        var title = $"{plan.IssueTitle} (#{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)})";
        return await client.PullRequests.CreateAsync(repo.Owner, repo.Name,
            new CreatePullRequestRequest(title, branch, plan.DefaultBranch, body, Draft: true), cancellationToken);
    }

    private static Task ReportAsync(GitHubClient client, RepositoryName repo, PlanRecord plan, string body, CancellationToken cancellationToken) =>
        Issues.IssueCommentWriter.UpsertAsync(client, repo, plan.IssueNumber, PlanReportRenderer.Marker(plan.Id), body, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId}: pull request #{PullNumber} is open")]
    private static partial void LogOpened(ILogger logger, long planId, int pullNumber);
}
