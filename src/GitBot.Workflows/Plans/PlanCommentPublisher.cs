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
/// one is posted); every edit renders the plan as stored at that moment, edits of one plan on one node run one at a
/// time, and the last edit after a change renders a state at least as new as that change, so the comment never stays
/// behind because of this node.
/// </summary>
public sealed partial class PlanCommentPublisher(
    IPlanStore store,
    GitHubClientFactory github,
    PlanConfiguration configuration,
    IOptions<PlanOptions> options,
    Logs.TaskLogLinkSigner signer,
    TimeProvider time,
    ILogger<PlanCommentPublisher> logger)
{
    private readonly ConcurrentDictionary<long, RefreshState> _states = new();

    /// <summary>
    /// Brings the plan comment up to date with the stored plan. Refreshes of one plan on this node coalesce: while one
    /// is posting, further calls only mark the plan changed and return, and the running refresh renders again until it
    /// has posted the latest stored state — so a burst of task transitions costs a couple of edits, not one each, and
    /// no transition waits for GitHub. Failures are logged: a comment is never worth failing a task.
    /// </summary>
    public async Task RefreshAsync(long planId, CancellationToken cancellationToken)
    {
        var state = _states.GetOrAdd(planId, _ => new RefreshState());
        Interlocked.Exchange(ref state.Dirty, 1);
        while (true)
        {
            if (Interlocked.CompareExchange(ref state.Busy, 1, 0) != 0)
            {
                return; // The refresh in progress sees the mark and renders again.
            }

            try
            {
                while (Interlocked.Exchange(ref state.Dirty, 0) == 1)
                {
                    await PostAsync(planId, cancellationToken);
                }
            }
            finally
            {
                Volatile.Write(ref state.Busy, 0);
            }

            if (Volatile.Read(ref state.Dirty) == 0)
            {
                return; // Nobody marked the plan between our last render and the release.
            }
        }
    }

    private async Task PostAsync(long planId, CancellationToken cancellationToken)
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

    /// <summary>The rendering context for a plan's comments and pull request.</summary>
    public PlanRenderContext Context(PlanRecord plan) =>
        new(time.GetUtcNow(), configuration.For(plan).BranchPrefix,
            signer.CanSign ? options.Value.PublicUrl?.TrimEnd('/') : null,
            signer.CanSign ? signer.Sign : null);

    private static async Task<long?> FindAsync(GitHubClient client, RepositoryName repo, PlanRecord plan, CancellationToken cancellationToken) =>
        (await Issues.IssueCommentWriter.FindAsync(client, repo, plan.IssueNumber, PlanCommentRenderer.Marker(plan.Id), cancellationToken))
            .FirstOrDefault(c => c.Body!.StartsWith(PlanCommentRenderer.Marker(plan.Id), StringComparison.Ordinal))?.Id;

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

    private sealed class RefreshState
    {
        public int Busy;
        public int Dirty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId}: the plan comment could not be written: {Error}")]
    private static partial void LogFailed(ILogger logger, long planId, string error);
}
