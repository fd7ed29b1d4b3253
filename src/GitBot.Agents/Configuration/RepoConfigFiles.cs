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
    /// Directories whose <c>*.md</c> files (directly inside, not in subdirectories) define roles, lower precedence
    /// first: a role in a later directory replaces the fields it sets of a same-named role in an earlier one.
    /// </summary>
    public static IReadOnlyList<string> RoleDirectories { get; } = [".claude/agents", ".github/agents"];
}
