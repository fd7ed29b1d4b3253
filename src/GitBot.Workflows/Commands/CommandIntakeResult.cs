namespace GitBot.Workflows.Commands;

/// <summary>What the intake did with one comment or review body.</summary>
/// <param name="Ignored">Why nothing was done (a bot, GitBot itself, no command in it); null when commands were answered.</param>
/// <param name="Outcomes">Each command's and each invalid line's outcome, in reply order; empty when ignored.</param>
public sealed record CommandIntakeResult(string? Ignored, IReadOnlyList<CommandOutcome> Outcomes)
{
    public static CommandIntakeResult Ignore(string why) => new(why, []);
}
