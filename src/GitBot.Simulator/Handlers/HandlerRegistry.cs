namespace GitBot.Simulator.Handlers;

/// <summary>
/// OperationId → handler. The OpenAPI description does the URL routing, so there is no URL table here: each area
/// registers the operations it implements under GitHub's own operationIds.
/// </summary>
internal sealed class HandlerRegistry
{
    private static readonly Lazy<HandlerRegistry> Default = new(Build);

    private readonly Dictionary<string, Handler> _handlers = new(StringComparer.Ordinal);

    public static HandlerRegistry Instance => Default.Value;

    public IReadOnlyCollection<string> OperationIds => _handlers.Keys;

    public void Add(string operationId, Handler handler) => _handlers.Add(operationId, handler);

    public Handler? Find(string operationId) => _handlers.GetValueOrDefault(operationId);

    private static HandlerRegistry Build()
    {
        var registry = new HandlerRegistry();
        AppsHandlers.Register(registry);
        IssuesHandlers.Register(registry);
        LabelsHandlers.Register(registry);
        ReactionsHandlers.Register(registry);
        PullsHandlers.Register(registry);
        ReviewsHandlers.Register(registry);
        ChecksHandlers.Register(registry);
        StatusesHandlers.Register(registry);
        CollaboratorsHandlers.Register(registry);
        ContentsHandlers.Register(registry);
        ActionsHandlers.Register(registry);
        ReposHandlers.Register(registry);
        AppManifestHandlers.Register(registry);
        UserHandlers.Register(registry);
        return registry;
    }
}
