using System.Text.Json;
using Spectre.Console;

namespace GitBot.Cli.Status;

/// <summary>Prints one status view as tables or JSON and decides the exit code: 1 when the repository or issue has no plan.</summary>
internal sealed class StatusView(TextWriter output, TextWriter error, bool json, IAnsiConsole console)
{
    public async Task<int> RepositoriesAsync(IReadOnlyList<RepositoryStatus> repositories)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(repositories, StatusJsonContext.Default.IReadOnlyListRepositoryStatus));
        }
        else
        {
            new StatusRenderer(console).Repositories(repositories);
        }

        return 0;
    }

    public async Task<int> IssuesAsync(string repository, IReadOnlyList<IssueStatus> issues)
    {
        if (issues.Count == 0)
        {
            await error.WriteLineAsync($"gitbot status: no plans for repository '{repository}' (names are owner/name, as on GitHub).");
            return 1;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(issues, StatusJsonContext.Default.IReadOnlyListIssueStatus));
        }
        else
        {
            new StatusRenderer(console).Issues(repository, issues);
        }

        return 0;
    }

    public async Task<int> PlanAsync(string repository, int issue, PlanStatus? plan)
    {
        if (plan is null)
        {
            await error.WriteLineAsync($"gitbot status: no plan for {repository}#{issue}.");
            return 1;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(plan, StatusJsonContext.Default.PlanStatus));
        }
        else
        {
            new StatusRenderer(console).Plan(plan);
        }

        return 0;
    }
}
