using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Starts a plan for an issue: creates it (at most one unfinished plan per issue, so a duplicate start returns the
/// existing one) and queues its planning. The one way a plan starts, for the trigger label and <c>/agent plan</c> alike.
/// </summary>
public sealed class PlanStarter(IPlanStore plans, PlanJobScheduler jobs)
{
    /// <summary>The created plan, or the unfinished plan with <see cref="PlanCreation.Created"/> false.</summary>
    public async Task<PlanCreation> StartAsync(NewPlan plan, CancellationToken cancellationToken)
    {
        var creation = await plans.CreateAsync(plan, cancellationToken);
        if (creation.Created || creation.Plan.State == PlanState.Planning)
        {
            // Also for an existing plan still in Planning: repairs a crash between creating it and queueing its job.
            await jobs.SchedulePlanningAsync(creation.Plan.Id, cancellationToken);
        }

        return creation;
    }
}
