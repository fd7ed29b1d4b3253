using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Cli.Doctor;
using GitBot.Cli.Progress;
using GitBot.Git.Processes;

namespace GitBot.Cli.Commands;

/// <summary><c>gitbot doctor</c>: checks configuration, database, git, agent CLIs and App credentials.</summary>
public static class DoctorCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var command = new Command("doctor", "Check configuration, database, git, agent CLIs and GitHub App credentials, and say how to fix what is wrong.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var loaded = GitBotConfigurationLoader.Load(parse.GetValue(configOption), Directory.GetCurrentDirectory());
            if (loaded.Configuration is null)
            {
                await output.WriteLineAsync($"[FAIL] configuration: {loaded.Error}");
                await output.WriteLineAsync("      fix: point --config at a valid JSON file, or leave it out to use gitbot.json and GITBOT_* variables");
                return 1;
            }

            var runner = new ProcessRunner(TimeProvider.System);
            var doctor = new DoctorRunner(DoctorChecks.All(runner, loaded.FilePath), CliProgress.For(output));
            return await doctor.RunAsync(loaded.Configuration, output, cancellationToken);
        });
        return command;
    }
}
