using System.Text.Json.Nodes;

namespace GitBot.Agents.Backends;

/// <summary>GitBot's own Claude Code settings, written into a run's empty HOME (the only settings the run loads).</summary>
internal static class ClaudeRunHome
{
    /// <summary>Writes <c>.claude/settings.json</c>; returns the config directory (for <c>CLAUDE_CONFIG_DIR</c>).</summary>
    public static string Prepare(string home)
    {
        var configDirectory = Path.Combine(home, ".claude");
        Directory.CreateDirectory(configDirectory);
        var settings = new JsonObject
        {
            // Belt and braces next to --setting-sources: no hook runs and no project MCP server is enabled.
            ["disableAllHooks"] = true,
            ["enableAllProjectMcpServers"] = false,
            ["includeCoAuthoredBy"] = false,
            ["autoUpdates"] = false,
        };
        File.WriteAllText(Path.Combine(configDirectory, "settings.json"), settings.ToJsonString());
        return configDirectory;
    }
}
