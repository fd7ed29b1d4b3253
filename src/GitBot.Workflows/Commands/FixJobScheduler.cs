using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Telemetry;
using Quartz;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Queues <c>/agent fix</c> jobs on the agent-task scheduler (<see cref="AgentTaskScheduler"/>: this node's agent slots,
/// shared with every node on PostgreSQL), at most one per pull request (<see cref="FixJobKeys"/>). The job requests
/// recovery, so a node that dies mid-run has it re-run elsewhere.
/// </summary>
public sealed class FixJobScheduler(AgentTaskScheduler tasks, TimeProvider time)
{
    /// <summary>Queues <paramref name="request"/> unless the pull request already has a fix job; says which.</summary>
    public async Task<FixScheduleResult> ScheduleAsync(FixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = FixJobKeys.For(request.Repository, request.PullNumber);
        var scheduler = await tasks.GetAsync(cancellationToken);

        // A job that finishes between the refused insert and the read is gone: try again (bounded; each round trip is short).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var job = JobBuilder.Create<FixJob>()
                .WithIdentity(key)
                .UsingJobData(FixJobKeys.Data(request))
                .UsingTraceContext()
                .RequestRecovery()
                .Build();
            var trigger = TriggerBuilder.Create()
                .ForJob(job)
                .WithIdentity(key.Name, key.Group)
                .StartAt(time.GetUtcNow())
                .Build();
            try
            {
                await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
                return new FixScheduleResult(FixScheduleStatus.Queued, null);
            }
            catch (ObjectAlreadyExistsException)
            {
                var existing = await scheduler.GetJobDetail(key, cancellationToken);
                if (existing is null)
                {
                    continue;
                }

                var other = FixJobKeys.Read(existing.JobDataMap);
                var status = other.Source == request.Source && other.SourceId == request.SourceId ? FixScheduleStatus.SameCommand
                    : string.Equals(Normalize(other.Instructions), Normalize(request.Instructions), StringComparison.Ordinal) ? FixScheduleStatus.Coalesced
                    : FixScheduleStatus.Busy;
                return new FixScheduleResult(status, other);
            }
        }

        // Jobs kept finishing under us: say busy rather than queue blindly (the sender can ask again).
        return new FixScheduleResult(FixScheduleStatus.Busy, null);
    }

    /// <summary>Instructions compare equal when they differ only in line endings and surrounding white space.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
