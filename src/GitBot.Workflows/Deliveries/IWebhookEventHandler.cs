namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Reacts to one kind of webhook event. Handlers are found through DI (register with
/// <c>services.AddWebhookEventHandler&lt;T&gt;()</c>): a delivery is relevant when at least one handler
/// <see cref="Handles"/> its event and action, and <see cref="ProcessDeliveryJob"/> runs every such handler.
/// A handler must be idempotent: a job may run again after a crash or a retry and must then do the same writes.
/// </summary>
public interface IWebhookEventHandler
{
    /// <summary>The <c>X-GitHub-Event</c> name this handler reacts to, e.g. <c>installation</c>.</summary>
    string Event { get; }

    /// <summary>Whether the payload's top-level <c>action</c> is one this handler acts on.</summary>
    bool Handles(string? action);

    Task HandleAsync(WebhookEventContext context, CancellationToken cancellationToken);
}
