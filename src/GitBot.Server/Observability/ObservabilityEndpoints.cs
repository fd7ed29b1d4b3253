namespace GitBot.Server.Observability;

/// <summary>
/// Registers and maps <c>/readyz</c> and <c>/metrics</c>. Both are unauthenticated, like <c>/healthz</c>: metrics
/// carry counts labelled only by event, outcome, role, method and status — no secrets, no repository content.
/// </summary>
public static class ObservabilityEndpoints
{
    public const string MetricsRoute = "/metrics";

    public static IServiceCollection AddGitBotObservability(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<ClusterMetrics>();
        services.AddSingleton<ReadinessProbe>();
        return services;
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var collector = app.Services.GetRequiredService<MetricsCollector>();
        var readiness = app.Services.GetRequiredService<ReadinessProbe>();
        var cluster = app.Services.GetRequiredService<ClusterMetrics>();
        app.MapGet(ReadinessProbe.Route, readiness.HandleAsync);
        app.MapGet(MetricsRoute, async context =>
        {
            var families = collector.Collect().Concat(await cluster.CollectAsync(context.RequestAborted)).OrderBy(f => f.Name, StringComparer.Ordinal);
            context.Response.ContentType = PrometheusTextRenderer.ContentType;
            await context.Response.WriteAsync(PrometheusTextRenderer.Render(families), context.RequestAborted);
        });
    }
}
