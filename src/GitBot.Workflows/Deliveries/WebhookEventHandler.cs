using GitBot.GitHub.Webhooks;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Base for a handler of one typed payload: it declares the event and actions it handles and receives the payload as
/// <typeparamref name="TPayload"/>. A payload of another type for this event is a wiring bug and throws.
/// </summary>
public abstract class WebhookEventHandler<TPayload> : IWebhookEventHandler
    where TPayload : WebhookEvent
{
    public abstract string Event { get; }

    /// <summary>The actions acted on; empty means every action.</summary>
    protected abstract IReadOnlySet<string> Actions { get; }

    public bool Handles(string? action) => Actions.Count == 0 || (action is not null && Actions.Contains(action));

    public Task HandleAsync(WebhookEventContext context, CancellationToken cancellationToken) =>
        context.Payload is TPayload payload
            ? HandleAsync(context, payload, cancellationToken)
            : throw new InvalidOperationException(
                $"{GetType().Name} handles '{Event}' as {typeof(TPayload).Name} but the parser produced {context.Payload.GetType().Name}.");

    protected abstract Task HandleAsync(WebhookEventContext context, TPayload payload, CancellationToken cancellationToken);
}
