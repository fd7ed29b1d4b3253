using System.Globalization;
using GitBot.Core.Commands;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Tests.Commands;

/// <summary>Writes a parse as short strings so test tables read like the comments they parse.</summary>
internal static class Described
{
    /// <summary>The commands, then the problems prefixed with "! ".</summary>
    public static string[] Parse(string? body)
    {
        var parse = AgentCommandParser.Parse(body);
        return [.. parse.Commands.Select(Command), .. parse.Problems.Select(p => "! " + p.Message)];
    }

    public static string Command(AgentCommand command)
    {
        var argument = command switch
        {
            { Task: { } task } => task,
            { Agent: { } agent } => ReviewAgentNames.Name(agent),
            { BudgetUsd: { } usd } => usd.ToString(CultureInfo.InvariantCulture),
            { Instructions: { } instructions } => instructions,
            _ => null,
        };
        return argument is null ? AgentVerbs.Name(command.Verb) : AgentVerbs.Name(command.Verb) + " " + argument;
    }
}
