using System.Text.Json.Nodes;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Webhooks;

/// <summary>
/// Turns a state change into a webhook: the event's own objects plus <c>action</c>, <c>repository</c>, <c>sender</c> and
/// <c>installation {id,node_id}</c>, as in GitHub's payloads. Call under the state lock, so events queue in the order the
/// changes happened; the dispatcher completes the payload to its documented schema before sending.
/// </summary>
internal sealed class EventPublisher(WebhookDispatcher dispatcher, ObjectShapes shapes)
{
    public void Publish(string eventName, string? action, RepositoryState? repository, long? installationId, UserState sender,
        JsonObject fields)
    {
        var payload = new JsonObject();
        if (action is not null)
        {
            payload["action"] = action;
        }

        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            payload[name] = value;
        }

        if (repository is not null)
        {
            payload["repository"] = shapes.Repository(repository);
        }

        payload["sender"] = shapes.User(sender);
        if (installationId is { } id && !payload.ContainsKey("installation"))
        {
            payload["installation"] = ObjectShapes.InstallationRef(id);
        }

        dispatcher.Enqueue(new PendingDelivery(eventName, action, payload, installationId, repository?.Id, null));
    }
}
