namespace GitBot.GitHub.Models;

/// <summary>One entry of the App's webhook delivery log (<c>GET /app/hook/deliveries</c>). <see cref="Guid"/> is the <c>X-GitHub-Delivery</c> value; <see cref="Id"/> is what redelivery takes.</summary>
public sealed record HookDelivery(
    long Id,
    string Guid,
    DateTimeOffset DeliveredAt,
    bool Redelivery,
    string Status,
    int StatusCode,
    string Event,
    string? Action,
    long? InstallationId,
    long? RepositoryId)
{
    /// <summary>GitHub counts 200-399 as delivered; anything else (including 0, no answer) failed.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 400;
}
