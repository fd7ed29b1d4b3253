using System.Net;
using System.Net.Sockets;

namespace GitBot.Simulator.Http;

/// <summary>
/// The loopback HTTP server of the simulator and the scripted model server (<see cref="HttpListener"/>, keep-alive by
/// default). Each request is served on its own task, so slow handlers and injected latency never hold up other requests.
/// </summary>
internal sealed class SimulatorListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private SimulatorListener(HttpListener listener, Uri baseUrl, Func<HttpListenerContext, CancellationToken, Task> serve)
    {
        _listener = listener;
        _serve = serve;
        BaseUrl = baseUrl;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>
    /// The simulator's server: each request is first offered to <paramref name="serveRaw"/> (git smart HTTP, which
    /// streams and is no REST call); when it declines (false), the request is read whole and answered by
    /// <paramref name="handle"/>.
    /// </summary>
    public static SimulatorListener Start(Func<SimRequest, CancellationToken, Task<SimResponse>> handle,
        Func<HttpListenerContext, CancellationToken, Task<bool>> serveRaw) =>
        Start((context, ct) => ServeRestAsync(context, handle, serveRaw, ct));

    /// <summary>
    /// Binds a free loopback port (retrying if another process grabs it between probe and bind) and hands every request
    /// to <paramref name="serve"/>, which answers it in full; the token fires when the server stops.
    /// </summary>
    public static SimulatorListener Start(Func<HttpListenerContext, CancellationToken, Task> serve)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new SimulatorListener(listener, new Uri(prefix), serve);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();

        // Close once, never Stop then Close: on Linux a second removal re-binds the port and throws if someone took it.
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The port is already released; nothing else to clean up.
        }

        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener was closed under a pending accept; that is how the loop ends.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => _serve(context, _stopping.Token));
        }
    }

    private static async Task ServeRestAsync(HttpListenerContext context, Func<SimRequest, CancellationToken, Task<SimResponse>> handle,
        Func<HttpListenerContext, CancellationToken, Task<bool>> serveRaw, CancellationToken stopping)
    {
        try
        {
            if (await serveRaw(context, stopping))
            {
                return;
            }

            var request = await SimRequest.ReadAsync(context.Request, stopping);
            var response = await handle(request, stopping);
            await response.WriteAsync(context.Response, stopping);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the simulator is stopping; nothing to answer.
            context.Response.Abort();
        }
        catch (Exception ex)
        {
            // A simulator bug: answer loudly rather than leave the client waiting for a timeout.
            await TryWriteBugAsync(context, ex);
        }
    }

    private static async Task TryWriteBugAsync(HttpListenerContext context, Exception ex)
    {
        try
        {
            await SimResponse.Error(500, "GitHub simulator failure: " + ex).WriteAsync(context.Response, CancellationToken.None);
        }
        catch (Exception inner) when (inner is HttpListenerException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
