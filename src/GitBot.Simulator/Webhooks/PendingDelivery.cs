using System.Text.Json.Nodes;

namespace GitBot.Simulator.Webhooks;

/// <summary>A webhook queued for delivery: either a fresh event (payload still to be completed and signed) or a redelivery.</summary>
internal sealed record PendingDelivery(
    string Event, string? Action, JsonObject? Payload, long? InstallationId, long? RepositoryId, SimulatedDelivery? Original);
