using System.Globalization;
using System.Text;
using GitBot.Core.Configuration;

namespace GitBot.Agents.Configuration;

/// <summary>
/// The issue comment GitBot posts instead of starting when a repository's configuration is invalid.
/// </summary>
/// <remarks>
/// Every file name, key and message may carry text from the repository (an unknown key is echoed back), so all of it
/// is rendered inert: text outside code spans has Markdown and HTML punctuation backslash-escaped, <c>@</c> and
/// <c>#</c> are kept from forming mentions and issue references, code spans never contain a backtick, and line
/// breaks become spaces so nothing can start a new block. The comment stays under GitHub's 65,536-character limit.
/// </remarks>
public static class ConfigProblemsRenderer
{
    /// <summary>Hidden marker that lets GitBot find (and update) its own config-error comment.</summary>
    public const string Marker = "<!-- gitbot:config-error -->";

    /// <summary>Longest comment this renderer produces.</summary>
    public const int MaxLength = 60_000;

    private const int MaxProblemsShown = 100;
    private const int MaxNameChars = 200;
    private const int MaxMessageChars = 600;

    /// <summary>Renders the comment listing <paramref name="problems"/>.</summary>
    public static string Render(IReadOnlyList<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.AppendLine("### GitBot did not start: the repository configuration is invalid");
        text.AppendLine();
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        text.AppendLine(CultureInfo.InvariantCulture, $"GitBot reads `{RepoConfigFiles.ConfigPath}` and the role files in `{RepoConfigFiles.RoleDirectories[0]}/` and `{RepoConfigFiles.RoleDirectories[1]}/` from the default branch. It found {count} and ran nothing for this issue:");
        text.AppendLine();

        var footer = Footer();
        var shown = 0;
        foreach (var problem in problems)
        {
            var line = Item(problem);
            if (shown == MaxProblemsShown || text.Length + line.Length + footer.Length + 200 > MaxLength)
            {
                break;
            }

            text.AppendLine(line);
            shown++;
        }

        if (shown < problems.Count)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- … and {problems.Count - shown} more not shown here.");
        }

        text.AppendLine();
        text.Append(footer);
        return text.ToString();
    }

    private static string Footer() =>
        "**How to fix:** correct these entries in the files on the repository's **default branch** (changes on other" +
        " branches are never read), then remove the trigger label from this issue and add it again.\n";

    private static string Item(ConfigProblem problem)
    {
        var item = new StringBuilder("- ");
        item.Append(CodeSpan(Shorten(problem.File, MaxNameChars)));
        if (problem.Line is { } line)
        {
            item.Append(CultureInfo.InvariantCulture, $" line {line}");
        }

        if (problem.Key.Length > 0)
        {
            item.Append(", key ").Append(CodeSpan(Shorten(problem.Key, MaxNameChars)));
        }

        item.Append(": ").Append(Message(Shorten(problem.Message, MaxMessageChars)));
        return item.ToString();
    }

    /// <summary>
    /// Messages quote names between backticks; those parts become code spans, the rest escaped text. Whatever
    /// backticks an untrusted value adds only changes which parts are which: both kinds are inert.
    /// </summary>
    private static string Message(string message)
    {
        var parts = message.Split('`');
        var text = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            // An odd number of backticks leaves the last part unpaired: render it as text.
            var isCode = i % 2 == 1 && i < parts.Length - 1;
            text.Append(isCode ? CodeSpan(parts[i]) : Escape(parts[i]));
        }

        return text.ToString();
    }

    private static string CodeSpan(string value)
    {
        var flat = Flatten(value).Replace('`', '\'');
        if (flat.Trim().Length == 0)
        {
            return Escape(flat);
        }

        // A space inside both ends keeps a leading or trailing special character from touching the backtick.
        return $"` {flat} `";
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 16);
        foreach (var c in Flatten(value))
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!'
                or '|' or '~' or '<' or '>' or '&' or '"' or '\'' or '=' or ':' or '$' or '%' or '^' or '/')
            {
                text.Append('\\');
            }

            text.Append(c);

            // A word joiner (U+2060) after @ and # stops GitHub from turning text into a mention or an issue reference.
            if (c is '@' or '#')
            {
                text.Append('\u2060');
            }
        }

        return text.ToString();
    }

    /// <summary>Control characters (line breaks included) become spaces, so a value cannot start a new Markdown block.</summary>
    private static string Flatten(string value) =>
        new([.. value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);

    private static string Shorten(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
