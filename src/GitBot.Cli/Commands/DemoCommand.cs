using System.CommandLine;
using GitBot.Cli.Demo;
using Spectre.Console;

namespace GitBot.Cli.Commands;

/// <summary>
/// <c>gitbot demo</c>: the whole issue-to-pull-request flow offline on this machine (GitHub simulator, scripted model,
/// <c>serve</c> on SQLite). Its working directory is kept and printed unless <c>--clean</c> is given.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var claude = new Option<string?>("--claude")
        {
            Description = $"Claude Code CLI to run (default: ${DemoAgentLocator.EnvironmentVariable}, else .tools/claude-code/node_modules/.bin/claude, else claude on PATH; none found: sh scripts as a `backend: command` role).",
        };
        var directory = new Option<string?>("--directory")
        {
            Description = "Where the demo keeps its repository, database, worktrees and logs (default: a new temporary directory).",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the pull request before giving up (default 300).",
            DefaultValueFactory = _ => 300,
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Delete the demo's directory at the end (default: keep it and print where it is).",
        };
        var command = new Command("demo", "Run the whole flow offline: a simulated GitHub with a sample repository, a scripted model and `serve`; an issue with a three-task plan becomes a pull request.")
        {
            claude, directory, timeout, clean,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (agent, error) = DemoAgentLocator.Locate(parse.GetValue(claude), Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
            if (agent is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gitbot demo: {error}");
                return 2;
            }

            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("gitbot demo: --timeout must be a positive number of seconds");
                return 2;
            }

            var root = parse.GetValue(directory) is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : Path.Combine(Path.GetTempPath(), "gitbot-demo-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(root);
            // Redrawn in place only on a real terminal; redirected output and tests get one line per change.
            var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            });
            if (!interactive)
            {
                // A log or a test has no screen edge: wrapping would only split paths and commands.
                console.Profile.Width = 200;
            }

            var options = new DemoOptions(agent, root, TimeSpan.FromSeconds(seconds), parse.GetValue(clean), interactive);
            var exitCode = await new DemoRunner(console, TimeProvider.System).RunAsync(options, cancellationToken);
            if (options.Clean)
            {
                Directory.Delete(root, recursive: true);
            }

            return exitCode;
        });
        return command;
    }
}
