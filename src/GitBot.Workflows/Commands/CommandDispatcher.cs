using GitBot.Core.Commands;
using GitBot.Workflows.Issues;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Runs one authorized command with its verb (<see cref="IVerbCommand"/>, one registered per verb; <c>help</c> is built
/// in). The verbs not built yet answer so, honestly, and do nothing. A GitHub
/// outage while a verb runs becomes that command's failed outcome (the other commands of the comment still run, and
/// the delivery is not retried, which would repeat the ones that worked).
/// </summary>
public sealed class CommandDispatcher(IEnumerable<IVerbCommand> verbs)
{
    private readonly Dictionary<AgentVerb, IVerbCommand> _verbs = verbs.ToDictionary(v => v.Verb);

    /// <summary>True for the verbs this node carries out.</summary>
    public bool IsAvailable(AgentVerb verb) => verb == AgentVerb.Help || _verbs.ContainsKey(verb);

    /// <summary>Runs <paramref name="command"/>; the caller has checked that the sender may.</summary>
    public async Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            if (command.Verb == AgentVerb.Help)
            {
                return HelpCommand.Run(command, IsAvailable);
            }

            return _verbs.TryGetValue(command.Verb, out var verb)
                ? await verb.RunAsync(context, command, cancellationToken)
                : new CommandOutcome(CommandOutcomeKind.Unavailable, CommandText.Code(command.Text),
                    $"`{AgentVerbs.Name(command.Verb)}` is not available yet: nothing was done. See `/agent help` for what is.");
        }
        catch (RetryableDeliveryException)
        {
            return new CommandOutcome(CommandOutcomeKind.Failed, CommandText.Code(command.Text),
                "GitHub did not answer while this ran, so it may not have finished; try again in a minute.");
        }
    }
}
