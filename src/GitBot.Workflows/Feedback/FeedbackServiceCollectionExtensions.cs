using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the feedback loop: the <c>pull_request_review</c> handler that queues a <see cref="FeedbackJob"/> on the
    /// agent-task scheduler for a writer's "request changes" review of a GitBot pull request, and the run behind it.
    /// Relies on what <c>AddGitBotPlans</c> registers (git, agents, the agent-task scheduler, permission checks); called
    /// by <c>AddGitBotWorkflows</c> after it.
    /// </summary>
    public static IServiceCollection AddGitBotFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<FeedbackTargetResolver>();
        services.TryAddSingleton<FeedbackJobScheduler>();
        services.TryAddSingleton<BranchAgentStep>();
        services.TryAddSingleton<BranchBudget>();
        services.TryAddSingleton<FeedbackAgentStep>();
        services.TryAddSingleton<FeedbackRunner>();
        services.TryAddTransient<FeedbackJob>();
        services.AddWebhookEventHandler<FeedbackReviewHandler>();
        return services;
    }
}
