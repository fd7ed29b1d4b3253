namespace GitBot.Core.Commands;

/// <summary>
/// Every <c>/agent</c> line of a comment: the valid commands in order (duplicates kept), and the lines that were not
/// valid, in order. At most <see cref="AgentCommandParser.MaxEntries"/> together.
/// </summary>
public sealed record CommandParse(IReadOnlyList<AgentCommand> Commands, IReadOnlyList<CommandProblem> Problems)
{
    /// <summary>True when the text held no <c>/agent</c> line at all.</summary>
    public bool IsEmpty => Commands.Count == 0 && Problems.Count == 0;
}
