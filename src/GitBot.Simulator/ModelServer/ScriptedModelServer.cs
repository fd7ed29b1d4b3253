using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.ModelServer;

/// <summary>
/// A loopback stand-in for the Anthropic Messages API that replays a <see cref="ModelScript"/>, so the real Claude Code
/// CLI runs real tools deterministically. Serves <c>POST /v1/messages</c> streamed (server-sent events) and not,
/// <c>POST /v1/messages/count_tokens</c>, and answers anything else the CLI probes at start-up (e.g. <c>HEAD /</c>)
/// with 200 and <c>{}</c>. Every reply reports usage, so the CLI computes a cost. Each request is served on its own
/// task; nothing is kept per conversation, so concurrent agents get deterministic answers.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly ModelScript _script;
    private readonly List<ModelRequestRecord> _requests = [];
    private readonly Lock _gate = new();
    private readonly Http.SimulatorListener _listener;

    private ScriptedModelServer(ModelScript script)
    {
        _script = script;
        _listener = Http.SimulatorListener.Start(ServeAsync);
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:40123/</c>; give it to the CLI as <c>ANTHROPIC_BASE_URL</c>.</summary>
    public Uri BaseUrl => _listener.BaseUrl;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ModelRequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the server on a free loopback port.</summary>
    public static Task<ScriptedModelServer> StartAsync(ModelScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ScriptedModelServer(script));
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(stopping);
            var headers = request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k.ToLowerInvariant(), k => request.Headers[k] ?? string.Empty, StringComparer.Ordinal);
            var path = request.Url?.AbsolutePath ?? "/";
            var pathAndQuery = request.Url?.PathAndQuery ?? "/";

            if (request.HttpMethod == "POST" && path == "/v1/messages")
            {
                await ServeMessagesAsync(response, request.HttpMethod, pathAndQuery, headers, body, stopping);
                return;
            }

            Record(new ModelRequestRecord(request.HttpMethod, pathAndQuery, null, string.Empty, string.Empty, string.Empty, 0, false, null, null, null, headers));
            if (request.HttpMethod == "POST" && path == "/v1/messages/count_tokens")
            {
                var count = new JsonObject { ["input_tokens"] = Math.Max(1, body.Length / 4) };
                await WriteJsonAsync(response, 200, Encoding.UTF8.GetBytes(count.ToJsonString()), retry: null);
            }
            else
            {
                await WriteJsonAsync(response, 200, request.HttpMethod == "HEAD" ? [] : EmptyObject, retry: null);
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
            response.Abort();
        }
    }

    private async Task ServeMessagesAsync(HttpListenerResponse response, string method, string path, Dictionary<string, string> headers, string body, CancellationToken stopping)
    {
        ModelConversation conversation;
        try
        {
            using var document = JsonDocument.Parse(body);
            conversation = ModelConversation.Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            Record(new ModelRequestRecord(method, path, null, string.Empty, string.Empty, string.Empty, 0, false, null, null, null, headers));
            await WriteErrorAsync(response, 400, "invalid_request_error", "body is not JSON: " + ex.Message);
            return;
        }

        var rule = _script.Match(conversation.FirstUserText, conversation.SystemText);
        var steps = rule?.Steps ?? _script.Fallback;
        var step = conversation.AssistantTurns < steps.Count ? steps[conversation.AssistantTurns] : ModelStep.Text(_script.Finished);
        Record(new ModelRequestRecord(method, path, conversation.Model, conversation.SystemText, conversation.FirstUserText,
            conversation.LastUserText, conversation.AssistantTurns, conversation.Streaming, conversation.WorkingDirectory,
            rule?.TextContains, step, headers));

        if (step.Kind == ModelStepKind.Error)
        {
            await WriteErrorAsync(response, step.Status, step.ErrorType, step.Content);
            return;
        }

        if (step.Kind == ModelStepKind.Delay)
        {
            await Task.Delay(step.Duration, stopping);
            step = ModelStep.Text(step.Content);
        }

        var reply = ModelReply.For(step, conversation, Encoding.UTF8.GetByteCount(body));
        if (!conversation.Streaming)
        {
            await WriteJsonAsync(response, 200, Encoding.UTF8.GetBytes(reply.ToMessage().ToJsonString()), retry: null);
            return;
        }

        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        response.Headers["cache-control"] = "no-cache";
        response.Headers["request-id"] = reply.Id;
        var output = response.OutputStream;
        foreach (var sse in ModelSse.Events(reply))
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(sse), stopping);
            await output.FlushAsync(stopping);
        }

        response.Close();
    }

    private static Task WriteErrorAsync(HttpListenerResponse response, int status, string type, string message)
    {
        var error = new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        };

        // x-should-retry: false makes the Anthropic SDK (and so the CLI) give up at once: a scripted error is final.
        return WriteJsonAsync(response, status, Encoding.UTF8.GetBytes(error.ToJsonString()), retry: "false");
    }

    private static async Task WriteJsonAsync(HttpListenerResponse response, int status, byte[] body, string? retry)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (retry is not null)
        {
            response.Headers["x-should-retry"] = retry;
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private void Record(ModelRequestRecord record)
    {
        lock (_gate)
        {
            _requests.Add(record);
        }
    }
}
