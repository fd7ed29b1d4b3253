namespace GitBot.Agents.Configuration;

/// <summary>
/// What the node's operator (never the repository) adds to how a repository's configuration is read:
/// <c>Agents:ConfigPath</c> (the Action's <c>config-path</c> input) and <c>Agents:ConfigOverlay</c> (YAML merged over the
/// file, see <see cref="ConfigOverlay"/>; the Action builds it from <c>role-overrides</c> and <c>model</c>).
/// </summary>
/// <param name="ConfigPath">The main configuration file on the default branch; null = <see cref="RepoConfigFiles.ConfigPath"/>.</param>
/// <param name="Overlay">Overlay YAML text; null = none.</param>
public sealed record NodeConfigSettings(string? ConfigPath, string? Overlay)
{
    /// <summary>No overlay, the usual path.</summary>
    public static NodeConfigSettings None { get; } = new(null, null);

    /// <summary>The path to read: <see cref="ConfigPath"/> when valid (<see cref="RepoConfigFiles.IsValidConfigPath"/>), else the usual one.</summary>
    public string EffectiveConfigPath =>
        ConfigPath is { } path && RepoConfigFiles.IsValidConfigPath(path) ? path : RepoConfigFiles.ConfigPath;

    /// <summary>
    /// Adds the reserved entries (<see cref="RepoConfigFiles.ConfigPathName"/>, <see cref="RepoConfigFiles.OverlayName"/>)
    /// to a files map read from the repository, so the parser and a plan's snapshot see them.
    /// </summary>
    public void AddTo(IDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (EffectiveConfigPath != RepoConfigFiles.ConfigPath)
        {
            files[RepoConfigFiles.ConfigPathName] = EffectiveConfigPath;
        }

        if (!string.IsNullOrWhiteSpace(Overlay))
        {
            files[RepoConfigFiles.OverlayName] = Overlay;
        }
    }
}
