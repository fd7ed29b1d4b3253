using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReviewBench;

/// <summary>
/// A loopback pass-through in front of the scripted model server that times each request from arrival to the last
/// byte of the (buffered) answer: the review agents' model time. The answer is buffered, so a streamed answer arrives
/// at once; the scripted model answers at once anyway.
/// </summary>
internal sealed class ModelProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ModelProxy(WebApplication app, HttpClient http, Uri baseUrl)
    {
        _app = app;
        _http = http;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<ModelProxy> StartAsync(Uri target, HttpLog log)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = Timeout.InfiniteTimeSpan };
        app.Run(context => ForwardAsync(context, http, target, log));
        await app.StartAsync();
        return new ModelProxy(app, http, new Uri($"http://127.0.0.1:{port}"));
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient http, Uri target, HttpLog log)
    {
        var start = Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            new Uri(target, context.Request.Path.ToString().TrimStart('/') + context.Request.QueryString));
        if (bytes.Length > 0)
        {
            request.Content = new ByteArrayContent(bytes);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, [.. values]))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var answer = await response.Content.ReadAsByteArrayAsync();
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length" or "Connection"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await context.Response.Body.WriteAsync(answer);
        var text = Encoding.UTF8.GetString(bytes);
        var label = text.Contains(Workload.JudgePrompt, StringComparison.Ordinal) ? "judge"
            : text.Contains(Workload.SecurityPrompt, StringComparison.Ordinal) ? "security" : "other";
        log.Add(new HttpCall(start, Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.Request.Method, context.Request.Path, label));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    internal static int FreePort() => GitBot.Bench.BenchPorts.Free();
}
