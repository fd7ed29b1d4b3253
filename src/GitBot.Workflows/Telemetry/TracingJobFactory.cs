using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;

namespace GitBot.Workflows.Telemetry;

/// <summary>
/// Quartz's dependency-injection job factory with every job wrapped in a <see cref="TracedJob"/>, which runs it inside
/// a log scope of its well-known job data ids and a <c>job.&lt;name&gt;</c> activity continuing the trace that
/// scheduled it. Wrapping the job (rather than a listener) is what makes both flow into <c>Execute</c>: they are
/// async-local and a listener's would not reach the job.
/// </summary>
public sealed class TracingJobFactory(IServiceProvider serviceProvider, IOptions<JobFactoryOptions> options, ILoggerFactory loggerFactory)
    : MicrosoftDependencyInjectionJobFactory(serviceProvider, options, loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("GitBot.Workflows.Jobs");

    public override ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken)
    {
        // Not async: the base may set async-locals for the job (Quartz #1528), which an async method would discard.
        var pending = base.CreateJob(bundle, scheduler, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<JobScope>(Wrap(pending.Result)) : WrapAsync(pending);
    }

    public override ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) =>
        base.ReturnJob(scope.Job is TracedJob traced ? new JobScope(traced.Inner, scope.State) : scope, cancellationToken);

    private JobScope Wrap(JobScope scope) => new(new TracedJob(scope.Job, _logger), scope.State);

    private async ValueTask<JobScope> WrapAsync(ValueTask<JobScope> pending) => Wrap(await pending);
}
