using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace GitBot.Core.Observability;

/// <summary>
/// GitBot's one <see cref="ActivitySource"/> (<c>GitBot</c>) and the rule that makes one trace per delivery.
/// Activities: <c>webhook.receive</c> (ingress), <c>job.&lt;name&gt;</c> (every Quartz job), <c>delivery.process</c>,
/// <c>agent.run</c>. Without a listener (no exporter, no test) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and tracing costs nothing beyond the check.
/// </summary>
/// <remarks>
/// Guarantee: every activity caused by a delivery carries the trace id <see cref="DeliveryContext"/> derives from the
/// delivery id alone (the GUID's own 32 hex digits, or a SHA-256 prefix of an id that is not a GUID). Ingress and the
/// delivery job therefore share a trace with no schema change and whichever node runs the job: both start as children
/// of the same virtual root span, whose id is derived from the delivery id too and which is never exported itself.
/// Jobs scheduled while an activity is current carry its W3C <c>traceparent</c> in their job data
/// (<see cref="TraceParentKey"/>) and continue that trace when they run, later and maybe elsewhere.
/// </remarks>
public static class GitBotTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name to listen to (OpenTelemetry <c>AddSource("GitBot")</c>).</summary>
    public const string SourceName = "GitBot";

    /// <summary>The job data key carrying the W3C <c>traceparent</c> of the activity that scheduled a job.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>The source every GitBot activity is started from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The trace id every activity of <paramref name="deliveryId"/> carries.</summary>
    public static ActivityTraceId DeliveryTraceId(string deliveryId) => DeliveryContext(deliveryId).TraceId;

    /// <summary>
    /// The virtual root of a delivery's trace: a recorded context whose trace id and span id are derived from the
    /// delivery id only, so any node computes the same one.
    /// </summary>
    public static ActivityContext DeliveryContext(string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(deliveryId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId), hash);
        var traceId = Guid.TryParse(deliveryId, out var guid)
            ? ActivityTraceId.CreateFromString(guid.ToString("N"))
            : ActivityTraceId.CreateFromBytes(hash[..16]);
        var spanId = ActivitySpanId.CreateFromBytes(hash.Slice(16, 8));
        return new ActivityContext(traceId, spanId, ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>The W3C <c>traceparent</c> of <paramref name="activity"/> (the current one by default), or null when there is none.</summary>
    public static string? TraceParent(Activity? activity = null) =>
        (activity ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Reads a <c>traceparent</c> written by <see cref="TraceParent"/>; false (and a default context) when it is absent or malformed.</summary>
    public static bool TryParseTraceParent(string? traceParent, out ActivityContext context)
    {
        context = default;
        return traceParent is { Length: > 0 } && ActivityContext.TryParse(traceParent, null, isRemote: true, out context);
    }
}
