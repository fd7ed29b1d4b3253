using System.Collections.Concurrent;
using System.Net;

namespace GitBot.Workflows.Tests.Support;

/// <summary>
/// A loopback HTTP endpoint standing in for GitBot's webhook ingress in sweep tests: it answers 202 and records the
/// <c>X-GitHub-Delivery</c> of each request. Started late on purpose, on a port where deliveries failed before.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly Task _loop;

    public WebhookReceiver(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<string> ReceivedDeliveryIds => [.. _received];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending GetContextAsync with this exception.
        }
        catch (ObjectDisposedException)
        {
            // Same, depending on timing.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _received.Enqueue(context.Request.Headers["X-GitHub-Delivery"] ?? "");
            context.Response.StatusCode = 202;
            context.Response.Close();
        }
    }
}
