using GitBot.GitHub;
using GitBot.Storage;
using GitBot.Storage.Migrations;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows;

/// <summary>
/// The process behind <c>gitbot worker</c>: a generic host (no HTTP) whose Quartz scheduler joins the cluster on the
/// shared PostgreSQL database and runs jobs from the queue until stopped. Entry points for the CLI:
/// <see cref="RunAsync"/> (migrate, run until Ctrl+C / SIGTERM, return an exit code) or <see cref="Build"/> for a
/// caller that wants to start and stop the host itself (tests do).
/// </summary>
public static class WorkerHost
{
    /// <summary>
    /// Builds the worker host from GitBot's loaded configuration (the CLI's <c>GitBotConfigurationLoader</c> result).
    /// Throws <see cref="InvalidOperationException"/> with a plain message when the configuration cannot work
    /// (e.g. SQLite, which a worker cannot share).
    /// </summary>
    public static IHost Build(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "gitbot-worker" });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddGitBotConsole(configuration);
        builder.Services.AddGitBotTracing(configuration, "gitbot-worker");
        builder.Services.AddGitBotStorage(configuration);
        builder.Services.AddGitHubClient(configuration);
        builder.Services.AddGitBotWorkflows(configuration, WorkflowHostRole.Worker);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Runs a worker node: applies pending database migrations, then runs jobs until the process is asked to stop
    /// (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires, letting running jobs finish. Returns 0 on a
    /// clean stop, 1 when the configuration cannot work (the reason is written to standard error).
    /// </summary>
    public static async Task<int> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = Build(configuration);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"gitbot worker: {ex.Message}");
            return 1;
        }

        using (host)
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.RunAsync(cancellationToken);
        }

        return 0;
    }
}
