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

    /// <summary>
    /// How many comments with commands are acted on per issue or pull request within <see cref="BurstWindow"/> (default
    /// 10); past it, the first comment gets one notice and the rest are ignored. Counted per node (see <see cref="CommandThrottle"/>).
    /// </summary>
    public int BurstLimit { get; set; } = 10;

    /// <summary>The window <see cref="BurstLimit"/> counts in (default one minute).</summary>
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(1);
}
