using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Reviews;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>gitbot/gate</c> check: <see cref="GateRecomputer"/> and its parts (singletons: the per-PR
    /// locks and caches are shared by every delivery on this node) and the handlers for <c>pull_request</c>,
    /// <c>pull_request_review</c> and <c>check_run</c>. Called by <c>AddGitBotWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddGitBotReviews(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<GateIdentityProvider>();
        services.TryAddSingleton<ReviewerPermissions>();
        services.TryAddSingleton<LastPusherCache>();
        services.TryAddSingleton<GateLocks>();
        services.TryAddSingleton<GateInputLoader>();
        services.TryAddSingleton<GateCheckRunWriter>();
        services.TryAddSingleton<GateRecomputer>();
        services.AddWebhookEventHandler<GatePullRequestHandler>();
        services.AddWebhookEventHandler<GateReviewHandler>();
        services.AddWebhookEventHandler<GateCheckRunHandler>();
        return services;
    }
}
