namespace GitBot.Workflows.Commands;

/// <summary>Settings of the <c>/agent</c> commands (section <c>Commands</c>).</summary>
public sealed class CommandOptions
{
    public const string SectionName = "Commands";

    /// <summary>
    /// Bot accounts whose commands are acted on, by exact login (e.g. <c>renovate[bot]</c>). Every other bot is ignored,
    /// and GitBot's own account always is, listed or not.
    /// </summary>
    public IList<string> AllowedBots { get; } = [];
}
