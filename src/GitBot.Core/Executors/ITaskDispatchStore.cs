namespace GitBot.Core.Executors;

/// <summary>Dispatched task attempts (the <c>actions</c> executor). Every write is a compare-and-set, safe to repeat.</summary>
public interface ITaskDispatchStore
{
    /// <summary>Records a dispatch; false when the attempt already has one (a recovered job must not dispatch twice).</summary>
    Task<bool> AddAsync(TaskDispatch dispatch, CancellationToken cancellationToken);

    Task<TaskDispatch?> FindAsync(long planId, string taskId, int attempt, CancellationToken cancellationToken);

    /// <summary>The dispatch a runner reported <paramref name="runId"/> for, in <paramref name="repository"/>.</summary>
    Task<TaskDispatch?> FindByRunAsync(string repository, long runId, CancellationToken cancellationToken);

    /// <summary>Sets the run id once; false when another run id is already set.</summary>
    Task<bool> SetRunIdAsync(long planId, string taskId, int attempt, long runId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the attempt's outcome: true for exactly one caller (a result, a failed run, or the timeout), false when an
    /// outcome was taken already.
    /// </summary>
    Task<bool> MarkReportedAsync(long planId, string taskId, int attempt, DateTimeOffset at, CancellationToken cancellationToken);
}
