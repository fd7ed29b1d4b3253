using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Telemetry;
using Quartz;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// Queues feedback runs on the agent-task scheduler (<see cref="AgentTaskScheduler"/>: this node's agent slots, shared
/// with every node on PostgreSQL). The job requests recovery, so a node that dies mid-run has it re-run elsewhere.
/// </summary>
public sealed class FeedbackJobScheduler(AgentTaskScheduler tasks, TimeProvider time)
{
    /// <summary>Queues the run for <paramref name="request"/>; false when it is already queued or running.</summary>
    public async Task<bool> ScheduleAsync(FeedbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = JobBuilder.Create<FeedbackJob>()
            .WithIdentity(FeedbackJobKeys.For(request.Repository, request.PullNumber, request.ReviewId))
            .UsingJobData(FeedbackJobKeys.DeliveryIdKey, request.DeliveryId)
            .UsingJobData(FeedbackJobKeys.InstallationIdKey, request.InstallationId)
            .UsingJobData(FeedbackJobKeys.RepositoryKey, request.Repository)
            .UsingJobData(FeedbackJobKeys.PullNumberKey, request.PullNumber)
            .UsingJobData(FeedbackJobKeys.ReviewIdKey, request.ReviewId)
            .UsingJobData(FeedbackJobKeys.ReviewerKey, request.Reviewer)
            .UsingJobData(FeedbackJobKeys.DefaultBranchKey, request.DefaultBranch)
            .UsingJobData(FeedbackJobKeys.CloneUrlKey, request.CloneUrl)
            .UsingTraceContext()
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .ForJob(job)
            .WithIdentity(job.Key.Name, job.Key.Group)
            .StartAt(time.GetUtcNow())
            .Build();
        var scheduler = await tasks.GetAsync(cancellationToken);
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }
}
