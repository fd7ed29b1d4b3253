using GitBot.Agents.Runs;
using GitBot.Core.Runs;
using GitBot.Core.Scheduling;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Runs;

public static class RunRecordingServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="IAgentRunner"/> the <see cref="RecordingAgentRunner"/> around the runner registered so far
    /// (<see cref="AgentRunner"/> unless a host replaced it), and adds this process's <see cref="NodeHeartbeatService"/>.
    /// Call after <c>AddGitBotAgents</c> and <c>AddGitBotStorage</c>. Idempotent: a second call changes nothing.
    /// </summary>
    public static IServiceCollection AddGitBotRunRecording(this IServiceCollection services, WorkflowHostRole role)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RunRecordingMarker)))
        {
            return services;
        }

        services.AddSingleton<RunRecordingMarker>();
        services.AddSingleton<AgentRunRecorder>();
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAgentRunner));
        if (inner is not null)
        {
            services.Remove(inner);
            services.AddSingleton<IAgentRunner>(sp => new RecordingAgentRunner(
                Resolve(sp, inner),
                sp.GetRequiredService<AgentRunRecorder>(),
                sp.GetRequiredService<ILogger<RecordingAgentRunner>>()));
        }

        services.AddSingleton(sp => new NodeHeartbeatService(
            sp.GetRequiredService<IWorkerNodeStore>(),
            sp.GetRequiredService<IOptions<SchedulerOptions>>(),
            role,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NodeHeartbeatService>>(),
            sp.GetService<ILostRunSweeper>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<NodeHeartbeatService>());
        return services;
    }

    private static IAgentRunner Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAgentRunner)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Marks a collection whose runner is already decorated.</summary>
    private sealed class RunRecordingMarker;
}
