using System.Threading.Channels;
using GitBot.Core.Dashboard;
using GitBot.Server.Dashboard.Pages;
using Microsoft.Extensions.Options;

namespace GitBot.Server.Dashboard;

/// <summary>
/// One poller per watched issue, shared by all its viewers. Guarantees: while at least one subscription to an issue is
/// open, its fingerprint is read every <see cref="DashboardPageOptions.LivePollInterval"/>; on a change the
/// <c>#live</c> fragment is rendered once and offered to every subscriber; each subscriber has a bounded channel that
/// drops the oldest fragment (only the newest matters), so a slow viewer holds at most a few fragments; the poller
/// stops when the last subscription is disposed or the broadcaster is. Access is checked by the caller before it
/// subscribes: everyone watching one issue may see the same fragment.
/// </summary>
public sealed partial class LiveIssueBroadcaster(
    IDashboardQueries queries,
    IOptions<DashboardPageOptions> options,
    TimeProvider time,
    ILogger<LiveIssueBroadcaster> logger) : IAsyncDisposable
{
    private const int SubscriberCapacity = 2;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Repository, int Issue), Watch> _watches = [];
    private bool _disposed;

    /// <summary>Issues being polled now.</summary>
    public int WatchedIssues
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>Watches an issue. The reader yields fragments; the newest fragment already rendered (if any) comes first.</summary>
    public LiveSubscription Subscribe(string repository, int issueNumber)
    {
        var key = (repository.ToLowerInvariant(), issueNumber);
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_watches.TryGetValue(key, out var watch))
            {
                watch = new Watch(repository, issueNumber);
                _watches[key] = watch;
                watch.Loop = Task.Run(() => PollAsync(watch, watch.Stop.Token));
            }

            watch.Subscribers.Add(channel.Writer);
            if (watch.Latest is { } latest)
            {
                channel.Writer.TryWrite(latest);
            }
        }

        return new LiveSubscription(channel.Reader, () => Unsubscribe(key, channel.Writer));
    }

    public async ValueTask DisposeAsync()
    {
        List<Watch> watches;
        lock (_gate)
        {
            _disposed = true;
            watches = [.. _watches.Values];
            _watches.Clear();
        }

        foreach (var watch in watches)
        {
            await watch.StopAsync();
        }
    }

    private void Unsubscribe((string, int) key, ChannelWriter<string> writer)
    {
        Watch? stopped = null;
        lock (_gate)
        {
            if (_watches.TryGetValue(key, out var watch) && watch.Subscribers.Remove(writer) && watch.Subscribers.Count == 0)
            {
                _watches.Remove(key);
                stopped = watch;
            }
        }

        writer.TryComplete();
        if (stopped is not null)
        {
            // Not awaited: the subscriber's request must not wait for a poll in flight; the loop ends on its own.
            _ = stopped.StopAsync();
        }
    }

    private async Task PollAsync(Watch watch, CancellationToken cancellationToken)
    {
        IssueFingerprint? last = null;
        var interval = options.Value.LivePollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var fingerprint = await queries.GetFingerprintAsync(watch.Repository, watch.Issue, cancellationToken);
                if (fingerprint != last)
                {
                    var detail = await queries.GetIssueAsync(watch.Repository, watch.Issue, options.Value.RunsPerIssue, cancellationToken);
                    var fragment = IssuePage.RenderLive(detail, time.GetUtcNow());
                    lock (_gate)
                    {
                        watch.Latest = fragment;
                        // The first render is sent too: a subscriber's page was rendered before this read, and a change
                        // between the two would otherwise never reach it. Replacing #live with the same HTML is harmless.
                        foreach (var subscriber in watch.Subscribers)
                        {
                            subscriber.TryWrite(fragment);
                        }
                    }

                    last = fingerprint;
                }

                await Task.Delay(interval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A database hiccup must not end the watch: the next poll tries again.
                LogPollFailed(logger, watch.Repository, watch.Issue, ex);
                try
                {
                    await Task.Delay(interval, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Repository}#{Issue} for the live dashboard failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, string repository, int issue, Exception exception);

    private sealed class Watch(string repository, int issue)
    {
        public string Repository { get; } = repository;

        public int Issue { get; } = issue;

        public List<ChannelWriter<string>> Subscribers { get; } = [];

        public CancellationTokenSource Stop { get; } = new();

        public Task? Loop { get; set; }

        public string? Latest { get; set; }

        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            if (Loop is not null)
            {
                await Loop;
            }

            Stop.Dispose();
        }
    }
}
