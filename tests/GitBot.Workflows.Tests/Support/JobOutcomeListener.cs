using System.Collections.Concurrent;
using Quartz;

namespace GitBot.Workflows.Tests.Support;

/// <summary>Records each finished run of the jobs it listens to: the result set and the exception it ended with, if any.</summary>
public sealed class JobOutcomeListener : IJobListener
{
    private readonly ConcurrentQueue<(object? Result, JobExecutionException? Exception)> _runs = new();

    public string Name { get; } = $"outcomes-{Guid.NewGuid():N}";

    public IReadOnlyList<(object? Result, JobExecutionException? Exception)> Runs => [.. _runs];

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        _runs.Enqueue((context.Result, jobException));
        return ValueTask.CompletedTask;
    }
}
