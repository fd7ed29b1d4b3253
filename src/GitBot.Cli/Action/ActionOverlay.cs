using GitBot.Agents.Configuration;

namespace GitBot.Cli.Action;

/// <summary>
/// Turns the Action's <c>config-path</c>, <c>role-overrides</c> and <c>model</c> inputs into the node settings
/// <c>Agents:ConfigPath</c> and <c>Agents:ConfigOverlay</c> (see <see cref="NodeConfigSettings"/>). The inputs are the
/// repository owner's, set in the workflow file on the default branch; the event's branch cannot change them.
/// </summary>
public static class ActionOverlay
{
    /// <summary>Inputs longer than this are refused: no real override comes near it.</summary>
    private const int MaxInputChars = 32 * 1024;

    /// <summary>The configured path (null = the usual <c>.github/gitbot.yml</c>); a bad one is added to <paramref name="problems"/>.</summary>
    public static string? ConfigPath(string? input, List<string> problems)
    {
        if (input is null)
        {
            return null;
        }

        var path = input.StartsWith("./", StringComparison.Ordinal) ? input[2..] : input;
        if (!RepoConfigFiles.IsValidConfigPath(path))
        {
            problems.Add($"config-path '{input}' is not a .yml or .yaml file inside the repository (a relative path with / separators and no '..'), e.g. .github/gitbot.yml.");
            return null;
        }

        return path == RepoConfigFiles.ConfigPath ? null : path;
    }

    /// <summary>
    /// The overlay YAML: <c>roles:</c> with <paramref name="roleOverrides"/> (a mapping of role name to role fields, as
    /// under <c>roles:</c> in gitbot.yml) and <c>model_override</c> for <paramref name="model"/>; null when both are empty.
    /// Its content is checked where the configuration is parsed, so a mistake gets the usual configuration-error
    /// comment naming <c>action input</c>, the line in the overlay and the key, and nothing runs.
    /// </summary>
    public static string? Overlay(string? roleOverrides, string? model, List<string> problems)
    {
        if (roleOverrides is { Length: > MaxInputChars })
        {
            problems.Add($"role-overrides is longer than {MaxInputChars / 1024} KiB.");
            return null;
        }

        if (model is not null && (model.Length > 200 || model.Any(char.IsControl)))
        {
            problems.Add("model must be one model name on one line.");
            return null;
        }

        var lines = new List<string>();
        // roles: first, so line N of role-overrides is line N + 1 of the overlay, which problems count in.
        if (roleOverrides is not null)
        {
            lines.Add("roles:");
            lines.AddRange(roleOverrides.ReplaceLineEndings("\n").Split('\n').Select(line => "  " + line));
        }

        if (model is not null)
        {
            // Double-quoted with \ and " escaped (control characters are refused above): any name stays one string value.
            lines.Add($"{RepoConfigFiles.ModelOverrideKey}: \"{model.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return lines.Count == 0 ? null : string.Join('\n', lines) + "\n";
    }
}
