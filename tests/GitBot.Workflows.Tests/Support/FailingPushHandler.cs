using System.Collections.Concurrent;
using GitBot.GitHub.Webhooks.Payloads;
using GitBot.Workflows.Deliveries;

namespace GitBot.Workflows.Tests.Support;

/// <summary>A <c>push</c> handler that always fails, as one would while a dependency is down; counts its attempts.</summary>
public sealed class FailingPushHandler : WebhookEventHandler<PushEvent>
{
    private static readonly ConcurrentDictionary<string, int> AttemptsByDelivery = new();

    public override string Event => PushEvent.EventName;

    protected override IReadOnlySet<string> Actions { get; } = new HashSet<string>();

    public static int AttemptsOf(string deliveryId) => AttemptsByDelivery.GetValueOrDefault(deliveryId);

    protected override Task HandleAsync(WebhookEventContext context, PushEvent payload, CancellationToken cancellationToken)
    {
        AttemptsByDelivery.AddOrUpdate(context.DeliveryId, 1, (_, n) => n + 1);
        throw new InvalidOperationException("the dependency this handler needs is down");
    }
}
