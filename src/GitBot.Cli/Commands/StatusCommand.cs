using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Cli.Status;
using GitBot.Storage;
using GitBot.Storage.Budgets;
using GitBot.Storage.Connections;
using GitBot.Storage.Migrations;
using GitBot.Storage.Plans;
using GitBot.Storage.Runs;
using Spectre.Console;

namespace GitBot.Cli.Commands;

/// <summary>
/// <c>gitbot status [repo] [issue]</c>: what the server's database says about plans, read-only. No arguments: every
/// repository with plans; a repository: its issues; a repository and an issue: the newest plan as a task tree with its
/// runs and total. <c>--json</c> prints the same data for scripts. Exit codes: 0 shown, 1 no plan for the repository or
/// issue asked about, 2 configuration or database unusable.
/// </summary>
public static class StatusCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var repository = new Argument<string?>("repo") { Description = "owner/name; leave out for every repository.", Arity = ArgumentArity.ZeroOrOne };
        var issue = new Argument<int?>("issue") { Description = "Issue number: show its newest plan.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the same data as JSON." };
        var command = new Command("status", "Show plans, tasks and costs from GitBot's database: all repositories, one repository's issues, or one issue's plan.")
        {
            repository,
            issue,
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var loaded = GitBotConfigurationLoader.Load(parse.GetValue(configOption), Directory.GetCurrentDirectory());
            if (loaded.Configuration is null)
            {
                await error.WriteLineAsync($"gitbot status: configuration: {loaded.Error}");
                return 2;
            }

            ResolvedDatabase database;
            try
            {
                database = DatabaseOptions.FromConfiguration(loaded.Configuration).Resolve();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"gitbot status: database: {ex.Message}");
                return 2;
            }

            await using var connections = new DatabaseConnectionFactory(database);
            var schema = await new SchemaInspector(connections).InspectAsync(cancellationToken);
            if (!schema.Reachable)
            {
                await error.WriteLineAsync($"gitbot status: cannot reach the database: {schema.Error}");
                return 2;
            }

            if (schema.AppliedVersion > 0 && schema.Pending > 0)
            {
                await error.WriteLineAsync(
                    $"gitbot status: the database schema is at version {schema.AppliedVersion}, this build reads version {schema.LatestVersion}; start gitbot serve once to migrate it.");
                return 2;
            }

            // A database GitBot never started on holds no plans; reading it would only fail on missing tables.
            var reader = schema.AppliedVersion == 0
                ? null
                : new StatusReader(new SqlPlanStore(connections, TimeProvider.System), new SqlIssueSpendingStore(connections, TimeProvider.System),
                    new SqlAgentRunStore(connections), TimeProvider.System);
            var view = new StatusView(output, error, parse.GetValue(json), CreateConsole(output));
            var repo = parse.GetValue(repository);
            if (repo is null)
            {
                return await view.RepositoriesAsync(reader is null ? [] : await reader.RepositoriesAsync(cancellationToken));
            }

            if (parse.GetValue(issue) is not { } number)
            {
                return await view.IssuesAsync(repo, reader is null ? [] : await reader.IssuesAsync(repo, cancellationToken));
            }

            return await view.PlanAsync(repo, number, reader is null ? null : await reader.PlanAsync(repo, number, cancellationToken));
        });
        return command;
    }

    /// <summary>Colour only on a real terminal; redirected output and tests get plain text, wide enough not to wrap.</summary>
    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
