using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>Starts a plan that waits for approval (<c>plan_approval: true</c>) once a user with write access approves it.</summary>
public sealed class PlanApprover(IPlanStore store, PlanEngine engine, TimeProvider time)
{
    /// <summary>Returns false when the issue has no plan waiting for approval.</summary>
    public async Task<bool> ApproveAsync(string repository, int issueNumber, string actor, string? deliveryId, CancellationToken cancellationToken)
    {
        var active = await store.FindActiveAsync(repository, issueNumber, cancellationToken);
        if (active is null || active.Plan.State != PlanState.AwaitingApproval)
        {
            return false;
        }

        var result = await engine.UpdateAsync(active.Plan.Id, snapshot =>
        {
            if (snapshot.Plan.State != PlanState.AwaitingApproval)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), actor, deliveryId);
            builder.SetPlan(snapshot.Plan with { State = PlanState.Running }, $"approved by @{actor}");
            return builder.Build();
        }, cancellationToken);
        if (result.Applied)
        {
            await engine.AdvanceAsync(active.Plan.Id, cancellationToken);
        }

        return result.Applied;
    }
}
