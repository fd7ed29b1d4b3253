namespace GitBot.Workflows.Commands;

/// <summary>What one command (or one invalid <c>/agent</c> line) came to, for the reply.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Line">The command line as written, sanitized for echoing.</param>
/// <param name="Message">Markdown for the reply; every piece of untrusted text in it is already sanitized.</param>
public sealed record CommandOutcome(CommandOutcomeKind Kind, string Line, string Message)
{
    /// <summary>True for <see cref="CommandOutcomeKind.Done"/>.</summary>
    public bool Succeeded => Kind == CommandOutcomeKind.Done;
}
