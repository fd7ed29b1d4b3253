using System.Text.RegularExpressions;

namespace GitBot.Agents.Configuration;

/// <summary>
/// The shapes configuration values must have. They are allowlists on purpose: values end up in git ref names, GitHub
/// labels and agent command lines, so nothing that could be read as an option (a leading <c>-</c>) or carry
/// control characters gets through.
/// </summary>
internal static partial class ConfigRules
{
    public const int MaxPromptChars = 32_000;
    public const int MaxDescriptionChars = 1_000;
    public const int MaxListItems = 100;

    public static readonly string[] Backends = ["claude", "command"];

    /// <summary>Branch prefixes that would put GitBot's work on a branch people use directly.</summary>
    public static readonly string[] ReservedBranchPrefixes = ["main", "master", "HEAD", "develop", "trunk"];

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    public static partial Regex RoleName();

    [GeneratedRegex("^[a-z0-9_.-](?:[a-z0-9 _.-]{0,48}[a-z0-9_.-])?$")]
    public static partial Regex TriggerLabel();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")]
    public static partial Regex BranchComponent();

    /// <summary>Claude Code tool names with an optional rule: <c>Read</c>, <c>mcp__server__tool</c>, <c>Bash(npm test:*)</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,127}(?:\([^()\x00-\x1f]{1,200}\))?$")]
    public static partial Regex Tool();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/@\[\]-]{0,99}$")]
    public static partial Regex Model();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    public static partial Regex EnvironmentName();

    /// <summary>Splits Claude Code's <c>tools: Read, Bash(git add:*), Grep</c> on commas outside parentheses.</summary>
    public static IEnumerable<string> SplitTools(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && depth > 0)
            {
                depth--;
            }
        }
    }

    /// <summary>A command written as one string is split on whitespace; it is never given to a shell.</summary>
    public static IEnumerable<string> SplitArguments(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
