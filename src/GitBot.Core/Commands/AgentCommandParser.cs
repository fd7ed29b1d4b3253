namespace GitBot.Core.Commands;

/// <summary>
/// Finds the <c>/agent</c> commands in a comment, issue or review body. The grammar is documented in
/// <c>src/GitBot.Core/Commands/README.md</c>; in short, guarantees for any input:
/// <list type="bullet">
/// <item>A command is a line of paragraph text whose first text, after at most 3 spaces, is <c>/agent</c> (any case)
/// followed by whitespace or the line end. Text GitHub shows as code (fenced, indented, inline), block quote
/// (including lazy continuation lines) or HTML comment is never a command, and neither is a line where a zero-width
/// character comes before <c>/agent</c> (how GitBot's own output and quotes of it stay inert).</item>
/// <item>Zero-width and bidirectional control characters are stripped from a command line before it is read, so what
/// runs is what readers see; HTML comments inside it are dropped for the same reason.</item>
/// <item>Arguments pass a strict per-verb grammar or the line becomes a <see cref="CommandProblem"/> whose message is
/// safe to post. Only <c>fix</c> takes free text, and it is only ever handed to an agent as prompt text.</item>
/// <item>At most <see cref="MaxBodyChars"/> characters are read (a line cut by the limit is dropped) and at most
/// <see cref="MaxEntries"/> commands and problems are returned, in order; the rest is ignored.</item>
/// <item>Duplicates are kept; the caller coalesces them.</item>
/// </list>
/// </summary>
public static class AgentCommandParser
{
    /// <summary>The characters of a body that are read; the rest is ignored.</summary>
    public const int MaxBodyChars = 64 * 1024;

    /// <summary>The most commands and problems (together) one body yields; later command lines are ignored.</summary>
    public const int MaxEntries = 20;

    /// <summary>The longest <c>fix</c> instructions accepted.</summary>
    public const int MaxInstructionsChars = 4_000;

    /// <summary>The highest budget <c>/agent budget</c> accepts, in US dollars.</summary>
    public const decimal MaxBudgetUsd = 1_000m;

    internal const string Prefix = "/agent";

    private static readonly CommandParse Nothing = new([], []);

    /// <summary>Parses every <c>/agent</c> line of <paramref name="body"/>; null or empty is no command.</summary>
    public static CommandParse Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return Nothing;
        }

        var lines = Lines(body, out var truncated);
        var scanned = MarkdownScanner.Scan(lines);
        var commands = new List<AgentCommand>();
        var problems = new List<CommandProblem>();
        for (var i = 0; i < scanned.Length && commands.Count + problems.Count < MaxEntries; i++)
        {
            if (!IsCommand(scanned[i]))
            {
                continue;
            }

            var line = InvisibleCharacters.Strip(scanned[i].Visible);
            var continuation = new List<string>();
            if (IsFix(line))
            {
                // The instructions go on over the following text lines of the paragraph that are not commands.
                while (i + 1 < scanned.Length && scanned[i + 1].Role == LineRole.Text && !IsCommand(scanned[i + 1]))
                {
                    i++;
                    continuation.Add(InvisibleCharacters.Strip(scanned[i].Visible).TrimEnd());
                }
            }

            var outcome = CommandArguments.Parse(line, continuation, cut: truncated && i == scanned.Length - 1);
            if (outcome.Command is { } command)
            {
                commands.Add(command);
            }
            else if (outcome.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        return commands.Count + problems.Count == 0 ? Nothing : new CommandParse(commands, problems);
    }

    /// <summary>True when the scanned line is a command line (valid or not).</summary>
    private static bool IsCommand(ScannedLine line)
    {
        if (line.Role != LineRole.Text || line.InCodeSpan || InvisibleCharacters.ZeroWidthBeforeText(line.Raw))
        {
            return false;
        }

        var text = InvisibleCharacters.Strip(line.Raw);
        var start = 0;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        // Four spaces, or a tab anywhere in the indentation, reach column 4: an indented code block.
        if (start > 3 || start >= text.Length || text[start] == '\t')
        {
            return false;
        }

        var end = start + Prefix.Length;
        return text.AsSpan(start).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && (end == text.Length || char.IsWhiteSpace(text[end]));
    }

    private static bool IsFix(string line)
    {
        var rest = line.TrimStart().AsSpan(Prefix.Length).TrimStart();
        return rest.StartsWith(AgentVerbs.Name(AgentVerb.Fix), StringComparison.OrdinalIgnoreCase)
            && (rest.Length == 3 || char.IsWhiteSpace(rest[3]));
    }

    /// <summary>The lines of the first <see cref="MaxBodyChars"/> characters (CRLF, CR and LF all end a line), without a line the limit cuts.</summary>
    private static List<string> Lines(string body, out bool truncated)
    {
        truncated = body.Length > MaxBodyChars;
        var text = body;
        if (truncated)
        {
            text = body[..MaxBodyChars];
            if (body[MaxBodyChars] is not '\n' and not '\r')
            {
                var lastBreak = text.LastIndexOfAny(['\n', '\r']);
                text = lastBreak < 0 ? string.Empty : text[..lastBreak];
            }
        }

        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }
}
