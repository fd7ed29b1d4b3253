using GitBot.Workflows.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Executors;

public static class ActionsExecutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>actions</c> executor: the dispatcher <see cref="TaskRunner"/> calls for repositories that chose
    /// it, the runner callbacks the server's runner API calls, the timeout job and the <c>workflow_run</c> handler.
    /// </summary>
    public static IServiceCollection AddGitBotActionsExecutor(this IServiceCollection services)
    {
        services.TryAddSingleton<ActionsTaskDispatcher>();
        services.TryAddSingleton<RunnerSpecBuilder>();
        services.TryAddSingleton<RunnerResultMerger>();
        services.TryAddSingleton<RemoteRunRecorder>();
        services.TryAddSingleton<RunnerCallbackHandler>();
        services.TryAddTransient<ActionsTimeoutJob>();
        services.AddWebhookEventHandler<WorkflowRunEventHandler>();
        return services;
    }
}
