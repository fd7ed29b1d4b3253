using System.CommandLine;

namespace GitBot.Cli.Commands;

/// <summary>The <c>gitbot</c> command tree.</summary>
public static class GitBotCommandLine
{
    public static RootCommand Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "JSON configuration file (default: ./gitbot.json when present). GITBOT_* environment variables override it.",
            Recursive = true,
        };
        var root = new RootCommand("GitBot: hands GitHub issues to AI coding agents and keeps humans in charge of merges.")
        {
            config,
            ServeCommand.Create(config),
            WorkerCommand.Create(config),
            DoctorCommand.Create(config),
            SetupCommand.Create(config),
            DemoCommand.Create(),
            RunEventCommand.Create(config),
            RunTaskCommand.Create(config),
            StatusCommand.Create(config),
        };
        return root;
    }
}
