using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Core.Deliveries;
using GitBot.GitHub.Webhooks;
using GitBot.Testing;

namespace GitBot.Workflows.Tests.Support;

/// <summary>
/// Deliveries built from GitHub's real example payloads (<c>shared/github/webhook-examples.json</c>), with the
/// routing columns read the way the ingress reads them.
/// </summary>
public static class ExampleDeliveries
{
    private static readonly Lazy<JsonArray> Definitions = new(() =>
        JsonNode.Parse(File.ReadAllText(SharedFiles.WebhookExamplesJson))!.AsArray());

    /// <summary>The first example of <paramref name="eventName"/> with <paramref name="action"/>, as a mutable copy.</summary>
    public static JsonObject Example(string eventName, string? action) =>
        Definitions.Value
            .Single(d => (string?)d!["name"] == eventName)!["examples"]!.AsArray()
            .First(e => (string?)e!["action"] == action)!
            .DeepClone()
            .AsObject();

    public static WebhookDelivery From(string eventName, JsonObject payload, string? deliveryId = null)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        var envelope = WebhookPayloadParser.ReadEnvelope(body);
        return new WebhookDelivery(
            deliveryId ?? Guid.NewGuid().ToString(),
            eventName,
            envelope.Action,
            envelope.InstallationId,
            envelope.RepositoryFullName,
            body,
            DateTimeOffset.UtcNow);
    }

    public static WebhookDelivery Of(string eventName, string action, string? deliveryId = null) =>
        From(eventName, Example(eventName, action), deliveryId);
}
