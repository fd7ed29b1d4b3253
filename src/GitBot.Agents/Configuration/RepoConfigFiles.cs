namespace GitBot.Agents.Configuration;

/// <summary>
/// Where a repository's GitBot configuration lives. Callers read these paths from the default branch only (a pull
/// request or feature branch can never change how GitBot behaves) and hand their text to <see cref="RepoConfigParser"/>.
/// </summary>
public static class RepoConfigFiles
{
    /// <summary>The main configuration file.</summary>
    public const string ConfigPath = ".github/gitbot.yml";

    /// <summary>
    /// Reserved key of the files map: the node operator's overlay text (see <see cref="ConfigOverlay"/>), and the name
    /// problems in it carry. Never a repository path: the loader reads only <see cref="ConfigPathIn"/> and <c>*.md</c>
    /// files under <see cref="RoleDirectories"/>, and a configured config path must end in <c>.yml</c> or <c>.yaml</c>.
    /// </summary>
    public const string OverlayName = "action input";

    /// <summary>Overlay-only key (not allowed in the repository's file): the model of every role and of the review agents.</summary>
    public const string ModelOverrideKey = "model_override";

    /// <summary>Reserved key of the files map: the repository path the main configuration was read from, when not <see cref="ConfigPath"/>.</summary>
    public const string ConfigPathName = "config path";

    /// <summary>The path of the main configuration file in <paramref name="files"/>: <see cref="ConfigPathName"/>'s value, else <see cref="ConfigPath"/>.</summary>
    public static string ConfigPathIn(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.TryGetValue(ConfigPathName, out var path) && IsValidConfigPath(path) ? path : ConfigPath;
    }

    /// <summary>
    /// Whether <paramref name="path"/> can name the main configuration file: repository-relative with <c>/</c>
    /// separators, no <c>.</c> or <c>..</c> segments, no empty segment, ending in <c>.yml</c> or <c>.yaml</c>.
    /// </summary>
    public static bool IsValidConfigPath(string? path) =>
        path is { Length: > 0 and <= 512 }
        && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Any(char.IsControl)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    /// <summary>
    /// Directories whose <c>*.md</c> files (directly inside, not in subdirectories) define roles, lower precedence
    /// first: a role in a later directory replaces the fields it sets of a same-named role in an earlier one.
    /// </summary>
    public static IReadOnlyList<string> RoleDirectories { get; } = [".claude/agents", ".github/agents"];
}
