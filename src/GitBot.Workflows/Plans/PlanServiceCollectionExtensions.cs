using GitBot.Agents;
using GitBot.Git.Repositories;
using GitBot.Storage;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace GitBot.Workflows.Plans;

public static class PlanServiceCollectionExtensions
{
    /// <summary>
    /// Registers the issue → plan → agents → pull request flow: the trigger handler, the plan engine and
    /// its jobs on the agent-task scheduler (started when this node has agent slots), git and agent runners, and
    /// start-up recovery. Called by <c>AddGitBotWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddGitBotPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.SectionName));
        services.AddGitBotGit(configuration);
        services.AddGitBotAgents(configuration);
        services.TryAddSingleton<AgentTaskScheduler>();
        var database = DatabaseOptions.FromConfiguration(configuration).Resolve();
        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddQuartz(AgentTaskScheduler.SchedulerName, quartz =>
        {
            QuartzConfiguration.Configure(quartz, database, scheduler, AgentTaskScheduler.SchedulerName, scheduler.AgentSlots);
            quartz.AddJobType<PlanIssueJob>();
            quartz.AddJobType<RunTaskJob>();
            quartz.AddJobType<FinishPlanJob>();
            quartz.AddJobType<Reviews.ReviewJob>();
        });

        // Quartz's hosted service starts every scheduler it knows unless told otherwise; this one is started only by
        // AgentTaskSchedulerService, and only on a node with agent slots.
        services.AddQuartzHostedService(AgentTaskScheduler.SchedulerName, hosted => hosted.AutoStart = false);
        services.TryAddSingleton<PlanJobScheduler>();
        services.TryAddSingleton<PlanConfiguration>();
        services.TryAddSingleton<Logs.TaskLogLinkSigner>();
        services.TryAddSingleton<PlanCommentPublisher>();
        services.TryAddSingleton<PlanEngine>();
        services.TryAddSingleton<PlanCanceller>();
        services.TryAddSingleton<PlanApprover>();
        services.TryAddSingleton<PlanRetrier>();
        services.TryAddSingleton<PlanStarter>();
        services.TryAddSingleton<PlanFinisher>();
        services.TryAddSingleton<PlannerAgent>();
        services.TryAddSingleton<PlanningRunner>();
        services.TryAddSingleton<TaskAgentStep>();
        services.TryAddSingleton<IntegrationMerger>();
        services.TryAddSingleton<TaskRunner>();
        services.TryAddSingleton<PermissionChecker>();
        services.AddWebhookEventHandler<IssueTriggerHandler>();
        services.TryAddSingleton<WorktreeHousekeeper>();
        services.AddHostedService<PlanRecoveryService>();
        // Stopped after the task scheduler (hosted services stop in reverse order), so returns started by interrupted
        // tasks are awaited too.
        services.AddHostedService(sp => sp.GetRequiredService<WorktreeHousekeeper>());
        services.AddHostedService<AgentTaskSchedulerService>();

        // The host must wait out the agent tasks' shutdown grace, plus time to hand back the ones that overrun it.
        services.PostConfigure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout =
            TimeSpan.FromTicks(Math.Max(host.ShutdownTimeout.Ticks, (scheduler.ShutdownGrace + TimeSpan.FromSeconds(15)).Ticks)));
        return services;
    }
}
