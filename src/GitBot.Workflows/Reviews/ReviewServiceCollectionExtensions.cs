using GitBot.Workflows.Reviews.Agents;
using GitBot.Workflows.Reviews.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Reviews;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers the review agents (security, tests, judge: requested on pull request events and re-runs, run as
    /// <see cref="ReviewJob"/> on the agent-task scheduler) and the <c>gitbot/gate</c> check with its merge:
    /// singletons, since the per-PR locks and caches are shared by every delivery on this node. Called by
    /// <c>AddGitBotWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddGitBotReviews(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<GateIdentityProvider>();
        services.TryAddSingleton<ReviewerPermissions>();
        services.TryAddSingleton<GateLocks>();
        services.TryAddSingleton<GateInputLoader>();
        services.TryAddSingleton<GateCheckRunWriter>();
        services.TryAddSingleton<GateMerger>();
        services.TryAddSingleton<GateRecomputer>();
        services.TryAddSingleton<ReviewCheckRuns>();
        services.TryAddSingleton<ReviewPublisher>();
        services.TryAddSingleton<ReviewJobScheduler>();
        services.TryAddSingleton<ReviewRequester>();
        services.TryAddSingleton<ReviewRunner>();
        services.TryAddTransient<ReviewJob>();
        services.TryAddSingleton<ReviewModel>();
        services.AddSingleton<IReviewAgent, SecurityReviewAgent>();
        services.AddSingleton<IReviewAgent, TestsReviewAgent>();
        services.AddSingleton<IReviewAgent, JudgeReviewAgent>();
        services.AddGitBotTestRuns();
        // Reviews first: a push's delivery queues the agents (and their checks) before the gate recompute, which may
        // wait for the pull request's lock behind earlier recomputes.
        services.AddWebhookEventHandler<ReviewPullRequestHandler>();
        services.AddWebhookEventHandler<ReviewRerunHandler>();
        services.AddWebhookEventHandler<GatePullRequestHandler>();
        services.AddWebhookEventHandler<GateReviewHandler>();
        services.AddWebhookEventHandler<GateCheckRunHandler>();
        return services;
    }
}
