using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Commands;

/// <summary>
/// The strict per-verb grammar of a command line. Every message it writes is safe to post: it names the verb and its
/// usage, and echoes the unknown verb only when it is a plain word (letters, digits, '-' and '_'), sanitized.
/// </summary>
internal static partial class CommandArguments
{
    private const string Help = "`/agent help` lists the commands";

    /// <summary>Parses one command line (invisible characters stripped, HTML comments removed, starting at <c>/agent</c>).</summary>
    /// <param name="line">The command line.</param>
    /// <param name="continuation">For <c>fix</c>: the following lines of its paragraph.</param>
    /// <param name="cut">True when the paragraph ran past the body cap, so the instructions are incomplete.</param>
    public static LineOutcome Parse(string line, IReadOnlyList<string> continuation, bool cut)
    {
        var text = line.Trim();
        var rest = text[AgentCommandParser.Prefix.Length..].Trim();
        if (rest.Length == 0)
        {
            return new CommandProblem(text, $"Say what to do: {Help}.");
        }

        var split = FirstWhitespace(rest);
        var word = split < 0 ? rest : rest[..split];
        var args = split < 0 ? string.Empty : rest[split..].Trim();
        if (!AgentVerbs.TryParse(word, out var verb))
        {
            return new CommandProblem(text, PlainWord().IsMatch(word)
                ? $"`/agent {ReviewTextSanitizer.SanitizeLine(word, 40)}` is not a command; {Help}."
                : $"That is not a command; {Help}.");
        }

        return verb switch
        {
            AgentVerb.Retry => Retry(text, args),
            AgentVerb.Review => Review(text, args),
            AgentVerb.Fix => Fix(text, args, continuation, cut),
            AgentVerb.Budget => Budget(text, args),
            _ when args.Length > 0 => Refuse(text, verb, "takes no arguments"),
            _ => new AgentCommand(verb, text),
        };
    }

    private static LineOutcome Retry(string text, string args)
    {
        if (args.Length == 0)
        {
            return new AgentCommand(AgentVerb.Retry, text);
        }

        return TaskId().IsMatch(args)
            ? new AgentCommand(AgentVerb.Retry, text, Task: args)
            : Refuse(text, AgentVerb.Retry, "takes at most one task id (1 to 32 letters, digits, '-' or '_', starting with a letter or digit)");
    }

    private static LineOutcome Review(string text, string args)
    {
        if (args.Length == 0)
        {
            return new AgentCommand(AgentVerb.Review, text);
        }

        return ReviewAgentNames.TryParseName(args.ToLowerInvariant(), out var agent)
            ? new AgentCommand(AgentVerb.Review, text, Agent: agent)
            : Refuse(text, AgentVerb.Review, "takes at most one of security, tests or judge");
    }

    private static LineOutcome Fix(string text, string args, IReadOnlyList<string> continuation, bool cut)
    {
        var instructions = string.Join('\n', continuation.Prepend(args)).Trim();
        if (instructions.Length == 0)
        {
            return Refuse(text, AgentVerb.Fix, "needs instructions");
        }

        if (cut)
        {
            return Refuse(text, AgentVerb.Fix,
                $"has instructions that run past the first {AgentCommandParser.MaxBodyChars.ToString(CultureInfo.InvariantCulture)} characters of the comment, where reading stops");
        }

        return instructions.Length > AgentCommandParser.MaxInstructionsChars
            ? Refuse(text, AgentVerb.Fix, string.Create(CultureInfo.InvariantCulture,
                $"has {instructions.Length} characters of instructions; at most {AgentCommandParser.MaxInstructionsChars} are allowed"))
            : new AgentCommand(AgentVerb.Fix, text, Instructions: instructions);
    }

    private static LineOutcome Budget(string text, string args)
    {
        var match = Amount().Match(args);
        if (match.Success)
        {
            var usd = decimal.Parse(match.Groups["usd"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (usd > 0 && usd <= AgentCommandParser.MaxBudgetUsd)
            {
                return new AgentCommand(AgentVerb.Budget, text, BudgetUsd: usd);
            }
        }

        return Refuse(text, AgentVerb.Budget, string.Create(CultureInfo.InvariantCulture,
            $"needs an amount in US dollars above 0 and at most {AgentCommandParser.MaxBudgetUsd}, with a dot and at most two decimals (e.g. 25.50)"));
    }

    private static CommandProblem Refuse(string text, AgentVerb verb, string what) =>
        new(text, $"`/agent {AgentVerbs.Name(verb)}` {what}: use {AgentVerbs.Usage(verb)}.");


    private static int FirstWhitespace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex PlainWord();

    // The task id syntax of PlanValidator: what a plan's task ids may be.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex TaskId();

    [GeneratedRegex(@"^\$?(?<usd>[0-9]{1,7}(?:\.[0-9]{1,2})?)$")]
    private static partial Regex Amount();
}
