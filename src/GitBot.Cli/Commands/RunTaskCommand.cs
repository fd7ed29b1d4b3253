using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Cli.RunTask;

namespace GitBot.Cli.Commands;

/// <summary>
/// <c>gitbot run-task</c>: on a self-hosted Actions runner, run one task GitBot dispatched (the <c>actions</c>
/// executor) and report its result. The GitBot workflow passes the dispatch's inputs through.
/// </summary>
public static class RunTaskCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var task = new Option<string>("--task") { Description = "The dispatched task, <plan>/<task>/<attempt> (the workflow's `task` input).", Required = true };
        var token = new Option<string>("--callback-token") { Description = "The dispatch's callback token (the workflow's `callback_token` input).", Required = true };
        var url = new Option<string>("--gitbot-url") { Description = "GitBot's public URL (the workflow's `gitbot_url` input).", Required = true };
        var command = new Command("run-task",
            "On a self-hosted Actions runner: fetch a dispatched task from GitBot, run its agent in a worktree, push the task branch with GITHUB_TOKEN, and report the result.")
        {
            task, token, url,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var loaded = GitBotConfigurationLoader.Load(parse.GetValue(configOption), Directory.GetCurrentDirectory());
            if (loaded.Configuration is null)
            {
                await error.WriteLineAsync($"gitbot run-task: {loaded.Error}");
                return 2;
            }

            var taskId = parse.GetValue(task)!;
            if (taskId.Split('/') is not [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }] || !Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var gitbotUrl))
            {
                await error.WriteLineAsync("gitbot run-task: --task must be <plan>/<task>/<attempt> and --gitbot-url an absolute URL");
                return 2;
            }

            return await RunTaskHost.RunAsync(loaded.Configuration, taskId, parse.GetValue(token)!, gitbotUrl,
                Environment.GetEnvironmentVariable, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }
}
