using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Workflows;

namespace GitBot.Cli.Commands;

/// <summary><c>gitbot worker</c>: a worker node only, taking jobs from the shared PostgreSQL queue.</summary>
public static class WorkerCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var command = new Command("worker", "Run a worker node: take jobs from the shared PostgreSQL queue (no HTTP). Needs Database:Provider=postgres.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = GitBotConfigurationLoader.Load(parse.GetValue(configOption), Directory.GetCurrentDirectory());
            if (loaded.Configuration is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gitbot worker: {loaded.Error}");
                return 2;
            }

            return await WorkerHost.RunAsync(loaded.Configuration, cancellationToken);
        });
        return command;
    }
}
