using System.Diagnostics;
using GitBot.Core.Deliveries;
using GitBot.Core.Observability;
using GitBot.GitHub.Webhooks;
using GitBot.Workflows.Deliveries;

namespace GitBot.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>. In order: cap the body (413), verify <c>X-Hub-Signature-256</c> over the raw bytes
/// before anything looks inside them (401, nothing stored, only the delivery id logged), require the delivery and
/// event headers (400), read the routing envelope (400 when not JSON), commit the delivery and answer 202 — also for a
/// duplicate, which is acknowledged and dropped — or 503 when the database is unavailable. No GitHub call and no agent
/// work happen here: the dispatcher picks the stored row up, woken by <see cref="DeliverySignal"/>.
/// </summary>
public sealed partial class WebhookIngressHandler : IDisposable
{
    public const string Route = "/webhooks/github";

    /// <summary>Bodies above this size (or of unknown size) take a slot in <see cref="_largeBodies"/> before being read.</summary>
    public const int LargeBodyBytes = 1024 * 1024;

    /// <summary>
    /// The body must be buffered whole before its signature can be checked, so unauthenticated clients could otherwise
    /// make the server hold 25 MB per connection. Real deliveries are rarely over 1 MB; this bounds what large ones
    /// can pin to a few times the cap, while small deliveries never wait here.
    /// </summary>
    public const int MaxConcurrentLargeBodies = 4;

    private readonly SemaphoreSlim _largeBodies = new(MaxConcurrentLargeBodies, MaxConcurrentLargeBodies);

    private const int MaxDeliveryIdLength = 128;
    private const int MaxEventLength = 64;

    private readonly WebhookSignatureVerifier? _verifier;
    private readonly IDeliveryStore _store;
    private readonly DeliverySignal? _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookIngressHandler> _logger;

    /// <param name="verifier">Null in setup mode: every delivery is answered 503 and nothing is stored.</param>
    public WebhookIngressHandler(
        WebhookSignatureVerifier? verifier,
        IDeliveryStore store,
        DeliverySignal? signal,
        TimeProvider time,
        ILogger<WebhookIngressHandler> logger)
    {
        _verifier = verifier;
        _store = store;
        _signal = signal;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var deliveryId = Header(request, "X-GitHub-Delivery");
        var loggedId = ForLog(deliveryId);
        using var activity = deliveryId is { Length: > 0 and <= MaxDeliveryIdLength } ? StartReceive(deliveryId, Header(request, "X-GitHub-Event")) : null;
        if (_verifier is null)
        {
            LogNotConfigured(_logger, loggedId);
            await PlainAsync(response, StatusCodes.Status503ServiceUnavailable, "GitBot is not configured yet: set GitHub:WebhookSecret (see the setup page at /).");
            return;
        }

        // A declared length over the cap is refused by the reader at once, without a slot.
        var large = request.ContentLength is not { } length || length is > LargeBodyBytes and <= WebhookBodyReader.MaxBodyBytes;
        if (large)
        {
            await _largeBodies.WaitAsync(context.RequestAborted);
        }

        try
        {
            await AcceptAsync(context, _verifier, deliveryId, loggedId);
        }
        finally
        {
            activity?.SetTag("http.response.status_code", response.StatusCode);
            if (large)
            {
                _largeBodies.Release();
            }
        }
    }

    public void Dispose() => _largeBodies.Dispose();

    /// <summary>
    /// The ingress side of the delivery's trace: a child of the root derived from the delivery id, so it shares the
    /// trace id of the job that processes the delivery on any node (see <see cref="GitBotTelemetry"/>). The HTTP
    /// request's own activity, which has a trace of its own, is linked.
    /// </summary>
    private static Activity? StartReceive(string deliveryId, string? eventName)
    {
        ActivityLink[]? links = Activity.Current is { } http ? [new ActivityLink(http.Context)] : null;
        var activity = GitBotTelemetry.Source.StartActivity("webhook.receive", ActivityKind.Server, GitBotTelemetry.DeliveryContext(deliveryId), links: links);
        activity?.SetTag("deliveryId", deliveryId).SetTag("event", eventName);
        return activity;
    }

    private async Task AcceptAsync(HttpContext context, WebhookSignatureVerifier verifier, string? deliveryId, string loggedId)
    {
        var request = context.Request;
        var response = context.Response;
        var body = await WebhookBodyReader.ReadAsync(request, context.RequestAborted);
        if (body.Problem == WebhookBodyProblem.TooLarge)
        {
            LogTooLarge(_logger, loggedId);
            await PlainAsync(response, StatusCodes.Status413PayloadTooLarge, "The body is larger than 25 MB.");
            return;
        }

        if (body.Bytes is not { } bytes)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var check = verifier.Verify(Header(request, "X-Hub-Signature-256"), bytes);
        if (check != SignatureCheck.Valid)
        {
            LogSignatureRejected(_logger, loggedId, check);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var eventName = Header(request, "X-GitHub-Event");
        if (deliveryId is not { Length: <= MaxDeliveryIdLength } || eventName is not { Length: <= MaxEventLength })
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, "X-GitHub-Delivery and X-GitHub-Event are required.");
            return;
        }

        var envelope = WebhookPayloadParser.ReadEnvelope(bytes);
        if (envelope.IsMalformed)
        {
            LogMalformed(_logger, deliveryId, eventName, envelope.Error);
            await PlainAsync(response, StatusCodes.Status400BadRequest, "The body is not a JSON object.");
            return;
        }

        var delivery = new WebhookDelivery(
            deliveryId, eventName, envelope.Action, envelope.InstallationId, envelope.RepositoryFullName, bytes, _time.GetUtcNow());
        switch (await _store.InsertAsync(delivery, context.RequestAborted))
        {
            case DeliveryInsertOutcome.Stored:
                _signal?.Notify();
                LogStored(_logger, deliveryId, eventName);
                response.StatusCode = StatusCodes.Status202Accepted;
                break;
            case DeliveryInsertOutcome.Duplicate:
                context.Items[Observability.WebhookMetrics.DuplicateKey] = true;
                LogDuplicate(_logger, deliveryId);
                response.StatusCode = StatusCodes.Status202Accepted;
                break;
            default:
                LogUnavailable(_logger, deliveryId);
                await PlainAsync(response, StatusCodes.Status503ServiceUnavailable, "The database is unavailable; the delivery was not stored.");
                break;
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>The id as logged before it is trusted: never absent, never longer than a real one could be.</summary>
    private static string ForLog(string? deliveryId) =>
        deliveryId is null ? "(none)" : deliveryId.Length <= MaxDeliveryIdLength ? deliveryId : deliveryId[..MaxDeliveryIdLength] + "...";

    private static Task PlainAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} rejected: signature {Check}")]
    private static partial void LogSignatureRejected(ILogger logger, string deliveryId, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} rejected: body over 25 MB")]
    private static partial void LogTooLarge(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} ({Event}) rejected: {Error}")]
    private static partial void LogMalformed(ILogger logger, string deliveryId, string @event, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} answered 503: GitBot is in setup mode (no webhook secret configured)")]
    private static partial void LogNotConfigured(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {DeliveryId} ({Event}) stored")]
    private static partial void LogStored(ILogger logger, string deliveryId, string @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} is a duplicate; acknowledged and dropped")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {DeliveryId} answered 503: the database is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string deliveryId);
}
