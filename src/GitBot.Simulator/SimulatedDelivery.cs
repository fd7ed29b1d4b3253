namespace GitBot.Simulator;

/// <summary>
/// One attempt in the App's webhook delivery log, as <c>GET /app/hook/deliveries</c> reports it, plus the exact
/// request that was sent so a redelivery can repeat it byte for byte.
/// </summary>
/// <param name="Id">The log entry id (a new one per attempt).</param>
/// <param name="Guid">The <c>X-GitHub-Delivery</c> value, the same for a redelivery.</param>
/// <param name="DeliveredAt">When the attempt was made.</param>
/// <param name="Redelivery">True for an attempt asked for through the redelivery endpoint.</param>
/// <param name="Duration">Seconds the receiver took.</param>
/// <param name="Status"><c>OK</c>, <c>Invalid HTTP Response: 503</c>, or why it could not be delivered.</param>
/// <param name="StatusCode">The receiver's status code; 0 when there was no HTTP response.</param>
/// <param name="Event">The <c>X-GitHub-Event</c>.</param>
/// <param name="Action">The payload's <c>action</c>, if any.</param>
/// <param name="InstallationId">The installation in the payload, if any.</param>
/// <param name="RepositoryId">The repository in the payload, if any.</param>
/// <param name="RequestHeaders">The headers sent.</param>
/// <param name="RequestBody">The body sent.</param>
/// <param name="ResponseBody">What the receiver answered (truncated to 4 KB).</param>
public sealed record SimulatedDelivery(
    long Id,
    Guid Guid,
    DateTimeOffset DeliveredAt,
    bool Redelivery,
    double Duration,
    string Status,
    int StatusCode,
    string Event,
    string? Action,
    long? InstallationId,
    long? RepositoryId,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    string ResponseBody)
{
    /// <summary>True when the receiver answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
