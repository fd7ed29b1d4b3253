using GitBot.Core.Commands;

namespace GitBot.Workflows.Commands;

/// <summary>
/// One <c>/agent</c> verb. Registered in DI (one per verb); <see cref="CommandDispatcher"/> runs the one whose
/// <see cref="Verb"/> matches, after the intake checked the sender may use it. Outcomes are values.
/// </summary>
public interface IVerbCommand
{
    /// <summary>The verb this carries out.</summary>
    AgentVerb Verb { get; }

    /// <summary>Carries out <paramref name="command"/>.</summary>
    Task<CommandOutcome> RunAsync(CommandContext context, AgentCommand command, CancellationToken cancellationToken);
}
