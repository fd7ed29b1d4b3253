using System.CommandLine;
using GitBot.Cli.Action;

namespace GitBot.Cli.Commands;

/// <summary><c>gitbot run-event</c>: the App's flows for the current GitHub Actions event, inside the job (the Action runs it).</summary>
public static class RunEventCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var command = new Command("run-event",
            "Inside a GitHub Actions job: process the job's event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) with the job's GITHUB_TOKEN, wait until everything it started has finished, and write the outputs to GITHUB_OUTPUT.");
        command.SetAction(async (parse, cancellationToken) =>
            await new ActionRunner(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System)
                .RunAsync(Environment.GetEnvironmentVariable, parse.GetValue(configOption), cancellationToken));
        return command;
    }
}
