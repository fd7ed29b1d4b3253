using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GitBot.Testing;

namespace GitBot.Simulator.Tests.Support;

/// <summary>A tiny webhook endpoint: records every request and answers with <see cref="StatusCode"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>What to answer; tests flip it to simulate an outage.</summary>
    public int StatusCode { get; set; } = 202;

    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Closed under a pending accept: the loop is done.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new ReceivedHook(headers, body));
            context.Response.StatusCode = StatusCode;
            context.Response.Close();
        }
    }
}
