namespace GitBot.Core.Commands;

/// <summary>What one command line parsed to: a command or a problem, never both.</summary>
internal readonly record struct LineOutcome(AgentCommand? Command, CommandProblem? Problem)
{
    public static implicit operator LineOutcome(AgentCommand command) => new(command, null);

    public static implicit operator LineOutcome(CommandProblem problem) => new(null, problem);
}
