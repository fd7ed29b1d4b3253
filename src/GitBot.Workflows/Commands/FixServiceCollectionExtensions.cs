using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Commands;

public static class FixServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>/agent fix</c>: the verb, its job and the run behind it. Relies on what <c>AddGitBotPlans</c> and
    /// <c>AddGitBotFeedback</c> register (git, agents, the agent-task scheduler, <see cref="Feedback.FeedbackTargetResolver"/>).
    /// </summary>
    public static IServiceCollection AddGitBotFixCommand(this IServiceCollection services)
    {
        services.TryAddSingleton<FixJobScheduler>();
        services.TryAddSingleton<Feedback.BranchAgentStep>();
        services.TryAddSingleton<Feedback.BranchBudget>();
        services.TryAddSingleton<FixAgentStep>();
        services.TryAddSingleton<FixRunner>();
        services.TryAddTransient<FixJob>();
        services.AddSingleton<IVerbCommand, FixCommand>();
        return services;
    }
}
