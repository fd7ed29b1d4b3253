using GitBot.Agents.Backends;
using GitBot.Agents.Runs;
using GitBot.Git.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the agent runner: <see cref="AgentOptions"/> bound from the <c>Agents</c> section, the <c>claude</c> and
    /// <c>command</c> backends, <see cref="IAgentRunner"/> (singleton), the <c>anthropic</c> Messages API client
    /// <see cref="AnthropicMessagesClient"/> (singleton, it owns a connection pool), and <see cref="ProcessRunner"/> and
    /// <see cref="TimeProvider.System"/> unless already registered.
    /// </summary>
    public static IServiceCollection AddGitBotAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProcessRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentBackend, ClaudeBackend>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentBackend, CommandBackend>());
        services.TryAddSingleton<AgentMetrics>();
        services.TryAddSingleton<IAgentRunner, AgentRunner>();
        services.TryAddSingleton<AnthropicMessagesClient>();
        return services;
    }
}
