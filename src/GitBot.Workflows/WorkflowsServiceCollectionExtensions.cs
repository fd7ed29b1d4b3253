using GitBot.GitHub;
using GitBot.GitHub.Clients;
using GitBot.Storage;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Installations;
using GitBot.Workflows.Plans;
using GitBot.Workflows.Redelivery;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace GitBot.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job engine and delivery processing. Jobs read the stores and call GitHub: <c>AddGitBotStorage</c>
    /// and <c>AddGitHubClient</c> are added here unless the caller added them before. Run
    /// <c>DatabaseMigrator.MigrateAsync</c> (or a hosted service doing so, registered first) before the host starts.
    /// Registers: Quartz with its persistent store on GitBot's database and its hosted service;
    /// <see cref="ProcessDeliveryJob"/> and its handlers (<see cref="IWebhookEventHandler"/>, one per event type);
    /// <see cref="DeliverySignal"/>. With <see cref="WorkflowHostRole.Serve"/> also the <see cref="DeliveryDispatcher"/>
    /// and, when GitHub App credentials are configured, the repeating <see cref="RedeliverySweepJob"/>.
    /// A <see cref="WorkflowHostRole.Worker"/> on SQLite is refused: a worker shares a queue, and only PostgreSQL can.
    /// Configuration errors throw <see cref="InvalidOperationException"/> with a message that says what to set.
    /// </summary>
    public static IServiceCollection AddGitBotWorkflows(this IServiceCollection services, IConfiguration configuration, WorkflowHostRole role)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = DatabaseOptions.FromConfiguration(configuration).Resolve();
        if (role == WorkflowHostRole.Worker && database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "gitbot worker needs PostgreSQL: a worker node takes jobs from a queue shared with other nodes, which an " +
                "embedded SQLite file cannot be. Set Database:Provider=postgres and Database:ConnectionString, or run " +
                "'gitbot serve', which runs jobs in-process.");
        }

        var scheduler = Bind<SchedulerOptions>(configuration, SchedulerOptions.SectionName);
        var redelivery = Bind<RedeliveryOptions>(configuration, RedeliveryOptions.SectionName);
        var github = new GitHubOptions();
        GitHubServiceCollectionExtensions.Bind(configuration.GetSection(GitHubOptions.SectionName), github);

        // The jobs read the stores and call GitHub; a host that has not registered those yet gets them here.
        if (!services.Any(d => d.ServiceType == typeof(ResolvedDatabase)))
        {
            services.AddGitBotStorage(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(GitHubAppClient)))
        {
            services.AddGitHubClient(configuration);
        }

        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddOptions<DeliveryDispatcherOptions>().Bind(configuration.GetSection(DeliveryDispatcherOptions.SectionName));
        services.AddOptions<RedeliveryOptions>().Bind(configuration.GetSection(RedeliveryOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<DeliveryJobScheduler>();
        services.TryAddScoped<WebhookEventRouter>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<JobMetrics>();
        services.TryAddScoped<DeliveryProcessor>();
        services.TryAddScoped<RedeliverySweeper>();
        services.AddWebhookEventHandler<InstallationEventHandler>();
        services.AddWebhookEventHandler<InstallationRepositoriesEventHandler>();
        services.AddGitBotPlans(configuration);
        Executors.ActionsExecutorServiceCollectionExtensions.AddGitBotActionsExecutor(services);
        Reviews.ReviewServiceCollectionExtensions.AddGitBotReviews(services, configuration);
        Feedback.FeedbackServiceCollectionExtensions.AddGitBotFeedback(services, configuration);
        Commands.CommandServiceCollectionExtensions.AddGitBotCommands(services, configuration);
        // After every registration of IAgentRunner: records each run in agent_runs; also this node's heartbeat.
        Runs.RunRecordingServiceCollectionExtensions.AddGitBotRunRecording(services, role);

        services.AddQuartz(quartz =>
        {
            QuartzConfiguration.Configure(quartz, database, scheduler);
            quartz.AddJobType<ProcessDeliveryJob>();
            quartz.AddJobType<RedeliverySweepJob>();
            if (role == WorkflowHostRole.Serve && redelivery.Enabled && github.Mode == GitHubAuthMode.App)
            {
                quartz.ScheduleJob<RedeliverySweepJob>(
                    trigger => trigger
                        .WithIdentity(RedeliverySweepJob.Key.Name, RedeliverySweepJob.Key.Group)
                        .StartNow()
                        .WithSimpleSchedule(schedule => schedule.WithInterval(redelivery.Interval).RepeatForever()),
                    job => job.WithIdentity(RedeliverySweepJob.Key).StoreDurably());
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);

        if (role == WorkflowHostRole.Serve)
        {
            services.AddHostedService<DeliveryDispatcher>();
        }

        return services;
    }

    /// <summary>Adds a handler <see cref="ProcessDeliveryJob"/> runs for the events and actions it declares.</summary>
    public static IServiceCollection AddWebhookEventHandler<THandler>(this IServiceCollection services)
        where THandler : class, IWebhookEventHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IWebhookEventHandler, THandler>());
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();
}
