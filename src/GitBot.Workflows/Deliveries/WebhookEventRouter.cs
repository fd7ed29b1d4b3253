namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Knows which handlers act on which deliveries. Relevance is decided from the stored event name and action alone,
/// so the dispatcher can skip an irrelevant delivery without parsing its body.
/// </summary>
public sealed class WebhookEventRouter
{
    private readonly ILookup<string, IWebhookEventHandler> _byEvent;

    public WebhookEventRouter(IEnumerable<IWebhookEventHandler> handlers)
    {
        _byEvent = handlers.ToLookup(h => h.Event, StringComparer.Ordinal);
    }

    public bool IsRelevant(string eventName, string? action) => _byEvent[eventName].Any(h => h.Handles(action));

    public IReadOnlyList<IWebhookEventHandler> HandlersFor(string eventName, string? action) =>
        [.. _byEvent[eventName].Where(h => h.Handles(action))];
}
