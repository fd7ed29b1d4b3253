namespace GitBot.Cli.Demo;

/// <summary>
/// The agent the demo runs: the Claude Code CLI at <see cref="ClaudeExecutable"/>, or, when none was found (null),
/// <c>sh</c> scripts configured as a <c>backend: command</c> role. <see cref="Source"/> says how it was chosen.
/// </summary>
public sealed record DemoAgent(string? ClaudeExecutable, string Source)
{
    public bool UsesClaude => ClaudeExecutable is not null;
}
