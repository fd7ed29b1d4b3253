using GitBot.Core.Observability;
using Quartz;

namespace GitBot.Workflows.Telemetry;

/// <summary>Carries the scheduling activity's trace into a job, so the job continues it when it runs (see <see cref="TracingJobFactory"/>).</summary>
public static class JobTraceExtensions
{
    /// <summary>
    /// Adds the current activity's W3C <c>traceparent</c> under <see cref="GitBotTelemetry.TraceParentKey"/>; adds
    /// nothing when no activity is current (nobody listens), so untraced deployments store nothing extra.
    /// </summary>
    public static JobBuilder<TJob> UsingTraceContext<TJob>(this JobBuilder<TJob> builder)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        return GitBotTelemetry.TraceParent() is { } traceParent
            ? builder.UsingJobData(GitBotTelemetry.TraceParentKey, traceParent)
            : builder;
    }
}
