using GitBot.Core.Commands;
using GitBot.Workflows.Issues;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Runs one authorized command with its verb. The verbs not built yet answer so, honestly, and do nothing. A GitHub
/// outage while a verb runs becomes that command's failed outcome (the other commands of the comment still run, and
/// the delivery is not retried, which would repeat the ones that worked).
/// </summary>
public sealed class CommandDispatcher(StatusCommand status, ApproveCommand approve, ReviewCommand review, MergeCommand merge)
{
    private static readonly HashSet<AgentVerb> Available =
    [
        AgentVerb.Help, AgentVerb.Status, AgentVerb.Approve, AgentVerb.Review, AgentVerb.Merge,
    ];

    /// <summary>True for the verbs this version carries out.</summary>
    public static bool IsAvailable(AgentVerb verb) => Available.Contains(verb);

    /// <summary>Runs <paramref name="command"/>; the caller has checked that the sender may.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return command.Verb switch
            {
                AgentVerb.Help => HelpCommand.Run(command),
                AgentVerb.Status => await status.RunAsync(context, command, cancellationToken),
                AgentVerb.Approve => await approve.RunAsync(context, command, cancellationToken),
                AgentVerb.Review => await review.RunAsync(context, command, cancellationToken),
                AgentVerb.Merge => await merge.RunAsync(context, command, cancellationToken),
                _ => new CommandOutcome(CommandOutcomeKind.Unavailable, CommandText.Code(command.Text),
                    $"`{AgentVerbs.Name(command.Verb)}` is not available yet: nothing was done. See `/agent help` for what is."),
            };
        }
        catch (RetryableDeliveryException)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, CommandText.Code(command.Text),
                "GitHub did not answer while this ran, so it may not have finished; try again in a minute.");
        }
    }
}
