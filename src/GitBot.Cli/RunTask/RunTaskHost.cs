using System.Globalization;
using System.Net;
using GitBot.Agents;
using GitBot.Git.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Cli.RunTask;

/// <summary>
/// <c>gitbot run-task</c> start to end: fetch the task's spec, say which Actions run took it (<c>GITHUB_RUN_ID</c>),
/// run it (<see cref="RemoteTaskRunner"/>) and report the result. The repository cache, worktrees and logs live under
/// a state directory (<c>RUNNER_TEMP/gitbot-task</c> by default; the cache is seeded from the job's checkout in
/// <c>GITHUB_WORKSPACE</c> when it is a full one); git uses <c>GITHUB_TOKEN</c>. Exit codes: 0 the
/// result was accepted (whatever it was), 1 GitBot refused a call, 2 bad arguments or configuration.
/// </summary>
internal static class RunTaskHost
{
    public static async Task<int> RunAsync(
        IConfiguration loaded, string task, string token, Uri gitbotUrl, Func<string, string?> environment, TextWriter output, CancellationToken cancellationToken)
    {
        var state = Path.Combine(environment("RUNNER_TEMP") is { Length: > 0 } temp ? temp : Path.GetTempPath(), "gitbot-task");
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(loaded)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Git:WorkRoot"] = loaded["Git:WorkRoot"] ?? Path.Combine(state, "git"),
                ["Agents:LogRoot"] = loaded["Agents:LogRoot"] ?? Path.Combine(state, "logs"),
                ["Agents:HomeRoot"] = loaded["Agents:HomeRoot"] ?? Path.Combine(state, "agent-home"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitBotGit(configuration);
        services.AddGitBotAgents(configuration);
        services.AddSingleton<RemoteTaskRunner>();
        await using var provider = services.BuildServiceProvider();

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var api = new RunnerApiClient(http, new Uri(gitbotUrl.ToString().TrimEnd('/') + "/"), task, token);
        long? runId = long.TryParse(environment("GITHUB_RUN_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (runId is { } run && await api.StartedAsync(run, cancellationToken) is var started and not HttpStatusCode.NoContent)
        {
            await output.WriteLineAsync($"gitbot run-task: GitBot refused the run: {RunnerApiClient.Describe(started)}");
            return 1;
        }

        var (status, spec) = await api.GetSpecAsync(cancellationToken);
        if (spec is null)
        {
            await output.WriteLineAsync($"gitbot run-task: GitBot refused the task: {RunnerApiClient.Describe(status)}");
            return 1;
        }

        await output.WriteLineAsync($"gitbot run-task: task {spec.TaskId} of plan {spec.PlanId} (attempt {spec.Attempt}) on {spec.TaskBranch}");
        var credential = environment("GITHUB_TOKEN") is { Length: > 0 } githubToken ? new GitCredential(githubToken) : null;
        // The job's own checkout (GITHUB_WORKSPACE) seeds the repository cache, so only what it lacks is fetched.
        var seeder = new Action.WorkspaceMirrorSeeder(provider.GetRequiredService<GitCli>(), provider.GetRequiredService<MirrorCache>());
        await output.WriteLineAsync("gitbot run-task: " + await seeder.SeedAsync(spec.Repository, spec.CloneUrl, environment("GITHUB_WORKSPACE"), cancellationToken));
        var logPath = Path.Combine(configuration["Agents:LogRoot"]!, $"{spec.PlanId}-{spec.TaskId}-{spec.Attempt}.log");
        var result = await provider.GetRequiredService<RemoteTaskRunner>().RunAsync(spec, credential, logPath, runId, cancellationToken);
        await output.WriteLineAsync($"gitbot run-task: {result.State}{(result.CommitSha is null ? "" : " " + result.CommitSha)}{(result.Reason is null ? "" : ": " + result.Reason)}");
        var reported = await api.ResultAsync(result, CancellationToken.None);
        if (reported != HttpStatusCode.NoContent)
        {
            await output.WriteLineAsync($"gitbot run-task: GitBot refused the result: {RunnerApiClient.Describe(reported)}");
            return 1;
        }

        return 0;
    }
}
