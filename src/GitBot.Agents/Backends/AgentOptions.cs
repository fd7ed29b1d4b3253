namespace GitBot.Agents.Backends;

/// <summary>
/// How agents run on this node (configuration section <c>Agents</c>). The Anthropic key and base URL given to the
/// Claude Code CLI come only from here (or this process's <c>ANTHROPIC_API_KEY</c>), never from a repository.
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agents";

    /// <summary>The Claude Code CLI executable: a path, or a name looked up on PATH.</summary>
    public string ClaudeExecutable { get; set; } = "claude";

    /// <summary>Messages API endpoint for the CLI (<c>ANTHROPIC_BASE_URL</c>); null for Anthropic's default.</summary>
    public string? AnthropicBaseUrl { get; set; }

    /// <summary>The model API key; when null, this process's <c>ANTHROPIC_API_KEY</c> is used.</summary>
    public string? AnthropicApiKey { get; set; }

    /// <summary>Where per-run logs go (relative paths resolve against the current directory).</summary>
    public string LogRoot { get; set; } = "data/logs";

    /// <summary>
    /// Parent of the per-run HOME directories: each claude run gets an empty HOME holding only GitBot's settings, so
    /// nothing from the machine's or a repository's Claude configuration applies. Removed after the run.
    /// </summary>
    public string HomeRoot { get; set; } = "data/agent-home";

    /// <summary>Model for roles that name none; null leaves the CLI's default.</summary>
    public string? DefaultModel { get; set; }
}
