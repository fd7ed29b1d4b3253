using System.Diagnostics.Metrics;
using System.Globalization;

namespace GitBot.Server.Observability;

/// <summary>
/// Webhook ingress instruments on the <c>GitBot</c> meter: every answered <c>POST /webhooks/github</c>, by event and
/// outcome. The event label is taken from the request only once the delivery was accepted (signed, so GitHub's own
/// header); otherwise it is <c>unknown</c>, so unauthenticated clients cannot mint label values.
/// </summary>
public sealed class WebhookMetrics
{
    /// <summary>Set in <see cref="HttpContext.Items"/> by the ingress handler when an accepted delivery was a duplicate.</summary>
    public const string DuplicateKey = "gitbot.webhook.duplicate";

    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MetricsCollector.MeterName) ?? new Meter(MetricsCollector.MeterName);
        _deliveries = meter.CreateCounter<long>("gitbot_webhook_deliveries_total", null, "Webhook deliveries answered at the endpoint, by event and outcome.");
    }

    /// <summary>Records the answer the ingress handler gave.</summary>
    public void Answered(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var outcome = status switch
        {
            StatusCodes.Status202Accepted => context.Items.ContainsKey(DuplicateKey) ? "duplicate" : "accepted",
            StatusCodes.Status401Unauthorized => "bad_signature",
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status503ServiceUnavailable => "unavailable",
            _ => status.ToString(CultureInfo.InvariantCulture),
        };
        var eventName = status == StatusCodes.Status202Accepted && context.Request.Headers.TryGetValue("X-GitHub-Event", out var values)
            ? values.ToString()
            : "unknown";
        _deliveries.Add(1, new KeyValuePair<string, object?>("event", eventName), new KeyValuePair<string, object?>("outcome", outcome));
    }
}
