using System.Collections.Concurrent;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Rendering;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Keeps the plan comment on the issue in step with the stored plan. Guarantees: one plan comment per plan, even when
/// a node dies between posting it and storing its id (the comment carries a marker and is found again before a new
/// one is posted); every refresh renders the plan as stored at that moment, and refreshes of one plan on one node run
/// one at a time, so the comment never goes back to an older state because of this node.
/// </summary>
public sealed partial class PlanCommentPublisher(
    IPlanStore store,
    GitHubClientFactory github,
    PlanConfiguration configuration,
    IOptions<PlanOptions> options,
    TimeProvider time,
    ILogger<PlanCommentPublisher> logger)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    /// <summary>Posts or edits the plan comment from the stored plan. Failures are logged: a comment is never worth failing a task.</summary>
    public async Task RefreshAsync(long planId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(planId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await store.GetAsync(planId, cancellationToken);
            if (snapshot is null || snapshot.Tasks.Count == 0)
            {
                return; // Nothing planned yet: the comment appears with the plan.
            }

            var plan = snapshot.Plan;
            var body = PlanCommentRenderer.Render(snapshot, Context(plan));
            var client = github.ForInstallation(plan.InstallationId);
            var repo = RepositoryName.Parse(plan.Repository);
            var commentId = plan.PlanCommentId ?? await FindAsync(client, repo, plan, cancellationToken);
            if (commentId is { } id)
            {
                var updated = await client.Issues.UpdateCommentAsync(repo.Owner, repo.Name, id, body, cancellationToken);
                if (!updated.IsSuccess)
                {
                    LogFailed(logger, planId, updated.Error!.Message);
                }
            }
            else
            {
                var created = await client.Issues.CreateCommentAsync(repo.Owner, repo.Name, plan.IssueNumber, body, cancellationToken);
                if (!created.TryGetValue(out var comment))
                {
                    LogFailed(logger, planId, created.Error!.Message);
                    return;
                }

                id = comment.Id;
            }

            if (plan.PlanCommentId is null)
            {
                await RememberAsync(planId, id, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The rendering context for a plan's comments and pull request.</summary>
    public PlanRenderContext Context(PlanRecord plan) =>
        new(time.GetUtcNow(), configuration.For(plan).BranchPrefix, options.Value.PublicUrl?.TrimEnd('/'));

    private static async Task<long?> FindAsync(GitHubClient client, RepositoryName repo, PlanRecord plan, CancellationToken cancellationToken)
    {
        var comments = await client.Issues.ListCommentsAsync(repo.Owner, repo.Name, plan.IssueNumber, cancellationToken);
        var marker = PlanCommentRenderer.Marker(plan.Id);
        return comments.TryGetValue(out var list)
            ? list.FirstOrDefault(c => c.Body?.StartsWith(marker, StringComparison.Ordinal) == true)?.Id
            : null;
    }

    private async Task RememberAsync(long planId, long commentId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var snapshot = await store.GetAsync(planId, cancellationToken);
            if (snapshot is null || snapshot.Plan.PlanCommentId is not null)
            {
                return;
            }

            var plan = snapshot.Plan with { PlanCommentId = commentId, UpdatedAt = time.GetUtcNow() };
            if (await store.ApplyAsync(new PlanChange(snapshot.Plan.Version, plan, [], []), cancellationToken))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId}: the plan comment could not be written: {Error}")]
    private static partial void LogFailed(ILogger logger, long planId, string error);
}
