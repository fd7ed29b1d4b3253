using System.Text;

namespace GitBot.Server.Dashboard;

/// <summary>
/// Writing <c>text/event-stream</c>: every event is flushed as it is written. Data lines never contain CR or LF (each
/// line of the payload becomes one <c>data:</c> line, which the browser joins with LF again).
/// </summary>
internal static class ServerSentEvents
{
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync(": connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public static Task WriteAsync(HttpResponse response, string eventName, IEnumerable<string> lines, string? id, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (id is not null)
        {
            text.Append("id: ").Append(id).Append('\n');
        }

        text.Append("event: ").Append(eventName).Append('\n');
        foreach (var line in lines)
        {
            text.Append("data: ").Append(line.Replace("\r", string.Empty, StringComparison.Ordinal)).Append('\n');
        }

        return WriteRawAsync(response, text.Append('\n').ToString(), cancellationToken);
    }

    public static Task WriteAsync(HttpResponse response, string eventName, string data, CancellationToken cancellationToken) =>
        WriteAsync(response, eventName, data.Split('\n'), null, cancellationToken);

    public static Task KeepAliveAsync(HttpResponse response, CancellationToken cancellationToken) =>
        WriteRawAsync(response, ": keep-alive\n\n", cancellationToken);

    private static async Task WriteRawAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
