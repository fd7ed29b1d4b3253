using GitBot.Git.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>Registers the tests agent's runner. Needs the git layer (<c>AddGitBotGit</c>) and logging.</summary>
public static class TestingServiceCollectionExtensions
{
    public static IServiceCollection AddGitBotTestRuns(this IServiceCollection services)
    {
        services.AddOptions<TestRunOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PullHeadFetcher>();
        services.TryAddSingleton<TestCommandRunner>();
        return services;
    }
}
