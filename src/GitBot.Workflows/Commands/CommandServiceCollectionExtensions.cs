using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Workflows.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>/agent</c> command intake for issue and pull request comments and review bodies, its verbs and
    /// <see cref="CommandOptions"/> (section <c>Commands</c>). Called by <c>AddGitBotWorkflows</c> after the plans and
    /// reviews it drives.
    /// </summary>
    public static IServiceCollection AddGitBotCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CommandOptions>().Bind(configuration.GetSection(CommandOptions.SectionName));
        // One IVerbCommand per verb (help is built into the dispatcher).
        services.AddSingleton<IVerbCommand, StatusCommand>();
        services.AddSingleton<IVerbCommand, ApproveCommand>();
        services.AddSingleton<IVerbCommand, ReviewCommand>();
        services.AddSingleton<IVerbCommand, MergeCommand>();
        services.AddSingleton<IVerbCommand, RebaseCommand>();
        services.AddSingleton<IVerbCommand, BudgetCommand>();
        services.AddGitBotFixCommand();
        services.AddSingleton<IVerbCommand, CancelCommand>();
        services.AddSingleton<IVerbCommand, RetryCommand>();
        services.AddSingleton<IVerbCommand, PlanCommand>();
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<CommandIntake>();
        services.AddWebhookEventHandler<CommandCommentHandler>();
        services.AddWebhookEventHandler<CommandReviewHandler>();
        return services;
    }
}
