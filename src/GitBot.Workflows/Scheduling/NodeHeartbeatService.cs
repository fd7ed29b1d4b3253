using GitBot.Core.Runs;
using GitBot.Core.Scheduling;
using GitBot.Storage.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Keeps this process's row in <c>worker_nodes</c> fresh for the dashboard and /metrics: written at start, refreshed
/// every <see cref="SchedulerOptions.ClusterCheckinInterval"/>, marked stopped on a clean stop. The instance id is
/// unique per process (node name plus a random suffix), so two processes on one node are two rows and a restart is a
/// new row. Best effort: a failed heartbeat is logged and retried on the next tick; it never stops the host.
/// After every heartbeat it sweeps runs lost with their process (<see cref="ILostRunSweeper"/>): a run still
/// <c>Running</c> whose node has not checked in for <see cref="SqlClusterStatusStore.LivenessWindowFor"/> is marked
/// <c>Lost</c>. Every node sweeps; the sweep is idempotent, so concurrent sweeps agree.
/// </summary>
public sealed partial class NodeHeartbeatService : IHostedService, IAsyncDisposable
{
    private readonly IWorkerNodeStore _nodes;
    private readonly ILostRunSweeper? _lostRuns;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeHeartbeatService> _logger;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _livenessWindow;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _disposed;

    public NodeHeartbeatService(IWorkerNodeStore nodes, IOptions<SchedulerOptions> options, WorkflowHostRole role, TimeProvider time,
        ILogger<NodeHeartbeatService> logger, ILostRunSweeper? lostRuns = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _nodes = nodes;
        _time = time;
        _logger = logger;
        var scheduler = options.Value;
        _interval = scheduler.ClusterCheckinInterval > TimeSpan.Zero ? scheduler.ClusterCheckinInterval : TimeSpan.FromSeconds(5);
        _livenessWindow = SqlClusterStatusStore.LivenessWindowFor(_interval);
        _lostRuns = lostRuns;
        Heartbeat = new WorkerNodeHeartbeat(
            $"{scheduler.NodeName}-{Guid.NewGuid().ToString("N")[..8]}",
            scheduler.NodeName,
            role.ToString().ToLowerInvariant(),
            scheduler.Slots,
            scheduler.AgentSlots,
            string.Join(',', NodeLabels.Parse(scheduler.Labels)),
            time.GetUtcNow());
    }

    /// <summary>What this process reports about itself.</summary>
    public WorkerNodeHeartbeat Heartbeat { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        try
        {
            await _nodes.StopAsync(Heartbeat.InstanceId, _time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, Heartbeat.InstanceId, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration (as itself and as a hosted service).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await BeatAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: StopAsync records the stop.
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _nodes.BeatAsync(Heartbeat, _time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, Heartbeat.InstanceId, e);
        }

        await SweepAsync(cancellationToken);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_lostRuns is null)
        {
            return;
        }

        try
        {
            var lost = await _lostRuns.FinishLostAsync(_time.GetUtcNow(), _livenessWindow, cancellationToken);
            if (lost > 0)
            {
                LogLost(_logger, lost, _livenessWindow);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(_logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the heartbeat of node instance {Instance}; retrying on the next check-in")]
    private static partial void LogFailed(ILogger logger, string instance, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} agent runs Lost: their nodes have not checked in for {Window}")]
    private static partial void LogLost(ILogger logger, int count, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep agent runs lost with their nodes; retrying on the next check-in")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
