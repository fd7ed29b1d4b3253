using System.Threading.Channels;

namespace GitBot.Server.Dashboard;

/// <summary>One viewer's watch of an issue: fragments to send; disposing it ends the watch (once).</summary>
public sealed class LiveSubscription(ChannelReader<string> fragments, Action unsubscribe) : IDisposable
{
    private int _disposed;

    /// <summary>New inner HTML of <c>#live</c>, newest last.</summary>
    public ChannelReader<string> Fragments { get; } = fragments;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
