using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GitBot.Simulator.OpenApi;
using Microsoft.Extensions.Logging;

namespace GitBot.Simulator.Webhooks;

/// <summary>
/// Delivers webhooks the way GitHub does: asynchronously, one at a time in the order events happened, signed, with a
/// 10 s timeout, and <b>never retried</b>: every attempt is appended to the delivery log and a failed one stays failed
/// until a redelivery is asked for.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly List<SimulatedDelivery> _log = [];
    private readonly HttpClient _http;
    private readonly OpenApiSpec _spec;
    private readonly TimeProvider _time;
    private readonly SimulatedApp _app;
    private readonly long _hookId;
    private readonly ILogger _logger;
    private Task _tail = Task.CompletedTask;
    private WebhookTarget? _target;
    private long _nextLogId = 90_000_000_000;

    public WebhookDispatcher(OpenApiSpec spec, TimeProvider time, SimulatedApp app, long hookId, TimeSpan timeout, ILogger logger)
    {
        _logger = logger;
        _spec = spec;
        _time = time;
        _app = app;
        _hookId = hookId;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = timeout };
    }

    public IReadOnlyList<SimulatedDelivery> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public Uri? TargetUrl
    {
        get
        {
            lock (_gate)
            {
                return _target?.Url;
            }
        }
    }

    public void SetTarget(Uri url, string secret)
    {
        lock (_gate)
        {
            _target = new WebhookTarget(url, secret);
        }
    }

    /// <summary>Queues an event. Without a webhook URL nothing is sent or logged, as on GitHub.</summary>
    public void Enqueue(PendingDelivery delivery)
    {
        lock (_gate)
        {
            if (_target is null)
            {
                return;
            }

            var previous = _tail;
            _tail = RunAfterAsync(previous, delivery);
        }
    }

    public SimulatedDelivery? Find(long id)
    {
        lock (_gate)
        {
            return _log.FirstOrDefault(d => d.Id == id);
        }
    }

    /// <summary>Completes once every delivery queued before the call (and any queued meanwhile) has been attempted.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task tail;
            lock (_gate)
            {
                tail = _tail;
            }

            await tail.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (ReferenceEquals(tail, _tail))
                {
                    return;
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task RunAfterAsync(Task previous, PendingDelivery delivery)
    {
        await previous;
        await Task.Yield();
        WebhookTarget target;
        lock (_gate)
        {
            target = _target!;
        }

        var (headers, body) = delivery.Original is { } original
            ? (original.RequestHeaders, original.RequestBody)
            : Build(delivery, target);
        var attempt = await SendAsync(target.Url, headers, body);
        if (attempt.Code is < 200 or >= 300)
        {
            SimulatorLog.DeliveryFailed(_logger, Guid.Parse(headers["X-GitHub-Delivery"]), delivery.Event, attempt.Status);
        }

        lock (_gate)
        {
            _log.Add(new SimulatedDelivery(++_nextLogId, Guid.Parse(headers["X-GitHub-Delivery"]), attempt.At,
                delivery.Original is not null, attempt.Seconds, attempt.Status, attempt.Code, delivery.Event, delivery.Action,
                delivery.InstallationId, delivery.RepositoryId, headers, body, attempt.Response));
        }
    }

    private (IReadOnlyDictionary<string, string> Headers, string Body) Build(PendingDelivery delivery, WebhookTarget target)
    {
        var payload = delivery.Payload!;
        if (_spec.WebhookSchema(delivery.Event, delivery.Action) is { } schema)
        {
            new SchemaFiller(_spec, _time.GetUtcNow()).Fill(schema, payload);
        }

        var body = payload.ToJsonString(Compact);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["User-Agent"] = $"GitHub-Hookshot/{_hookId:x7}",
            ["X-GitHub-Delivery"] = Guid.NewGuid().ToString(),
            ["X-GitHub-Event"] = delivery.Event,
            ["X-GitHub-Hook-ID"] = _hookId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-GitHub-Hook-Installation-Target-ID"] = _app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-GitHub-Hook-Installation-Target-Type"] = "integration",
            ["X-Hub-Signature"] = WebhookSigner.Sha1(target.Secret, bytes),
            ["X-Hub-Signature-256"] = WebhookSigner.Sha256(target.Secret, bytes),
        };
        return (headers, body);
    }

    private async Task<Attempt> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body)
    {
        var at = _time.GetUtcNow();
        var started = TimeProvider.System.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("*/*");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var code = (int)response.StatusCode;
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            return new Attempt(at, seconds, code is >= 200 and < 300 ? "OK" : $"Invalid HTTP Response: {code}", code,
                text.Length > 4096 ? text[..4096] : text);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(at, TimeProvider.System.GetElapsedTime(started).TotalSeconds,
                $"We couldn't deliver this payload: {ex.HttpRequestError}", 0, string.Empty);
        }
        catch (ObjectDisposedException)
        {
            return new Attempt(at, 0, "We couldn't deliver this payload: the simulator stopped", 0, string.Empty);
        }
        catch (TaskCanceledException)
        {
            return new Attempt(at, TimeProvider.System.GetElapsedTime(started).TotalSeconds,
                "We couldn't deliver this payload: timed out", 0, string.Empty);
        }
    }

    private sealed record Attempt(DateTimeOffset At, double Seconds, string Status, int Code, string Response);
}
