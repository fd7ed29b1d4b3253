using System.Text;
using GitBot.Core.Commands;

namespace GitBot.Workflows.Commands;

/// <summary><c>/agent help</c>, open to all: every verb with its usage, what it does and who may use it.</summary>
public static class HelpCommand
{
    /// <summary>The verb table (the same for everyone; nothing user-written in it but the echoed line).</summary>
    public static CommandOutcome Run(AgentCommand command, Func<AgentVerb, bool> available)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CommandOutcome(CommandOutcomeKind.Done, CommandText.Code(command.Text), Table(available));
    }

    /// <summary>Markdown table of every verb; those <paramref name="available"/> refuses are marked not available yet.</summary>
    public static string Table(Func<AgentVerb, bool> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        var text = new StringBuilder("Write a command on its own line in a new comment (or a review body); several commands, one per line.\n\n");
        text.Append("| command | what it does | who may use it |\n| --- | --- | --- |\n");
        foreach (var verb in AgentVerbs.All)
        {
            var who = AgentVerbs.OpenToAll(verb) ? "anyone" : "write, maintain or admin";
            var description = AgentVerbs.Description(verb) + (available(verb) ? "" : " *(not available yet)*");
            text.Append($"| {AgentVerbs.Usage(verb)} | {description} | {who} |\n");
        }

        return text.ToString();
    }
}
