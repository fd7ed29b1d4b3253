using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GitBot.Core.Executors;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator;
using GitBot.Workflows.Executors;

namespace GitBot.Server.Tests.Executors;

/// <summary>Pieces of the <c>actions</c> executor tests: the repository's configuration and the runner API as a runner calls it.</summary>
internal static class ActionsFlow
{
    public const string PublicUrl = "https://gitbot.example";

    /// <summary>The agent: writes <c>task-N.txt</c> for the task number its prompt names.</summary>
    public const string WriteTaskFile = "n=$(grep -o 'Your task: [0-9]*' | head -n 1 | tr -cd 0-9); echo \"task $n\" > task-$n.txt";

    public static Dictionary<string, string?> Settings() => new() { ["Plans:PublicUrl"] = PublicUrl };

    /// <summary>
    /// <c>executor: actions</c> with <paramref name="timeout"/>, no retries, a <c>command</c> role that writes
    /// <c>task-N.txt</c> (for runners that run the agent), and the GitBot workflow file the dispatch names.
    /// </summary>
    public static Dictionary<string, string> Files(string timeout) => new()
    {
        [".github/gitbot.yml"] = "executor: actions\nactions:\n  workflow: gitbot-task.yml\n  timeout: " + timeout + "\n"
            + "default_role: runner\nlimits:\n  max_retries: 0\n  task_timeout: 2m\n"
            + "roles:\n  runner:\n    description: Writes a file\n    backend: command\n    prompt_on_stdin: true\n"
            + "    command: [\"sh\", \"-c\", " + FailureFlow.Quote(WriteTaskFile) + "]\n",
        [".github/workflows/gitbot-task.yml"] = "on:\n  workflow_dispatch:\n    inputs:\n      task: {required: true}\n      callback_token: {required: true}\n      gitbot_url: {required: true}\n"
            + "jobs:\n  task:\n    runs-on: [self-hosted]\n    steps:\n      - run: gitbot run-task --task \"${{ inputs.task }}\" --callback-token \"${{ inputs.callback_token }}\" --gitbot-url \"${{ inputs.gitbot_url }}\"\n",
    };

    /// <summary>Waits for the <paramref name="count"/>-th dispatch of the GitBot workflow and returns it.</summary>
    public static async Task<SimulatedWorkflowDispatch> WaitForDispatchAsync(FlowHarness flow, int count)
    {
        await FailureFlow.UntilAsync(() => flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo).Count >= count, $"dispatch #{count}", TimeSpan.FromSeconds(90));
        return flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo)[count - 1];
    }

    /// <summary>The <c>task</c> input split: plan, task, attempt.</summary>
    public static (long Plan, string Task, int Attempt) TaskOf(SimulatedWorkflowDispatch dispatch)
    {
        var parts = dispatch.Inputs["task"].Split('/');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public static string RouteOf(SimulatedWorkflowDispatch dispatch) => "/api/runner/tasks/" + dispatch.Inputs["task"];

    public static async Task<(HttpStatusCode Status, RunnerTaskSpec? Spec)> GetSpecAsync(FlowHarness flow, string route, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await flow.Server.Client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, JsonSerializer.Deserialize<RunnerTaskSpec>(await response.Content.ReadAsStringAsync(), RunnerJson.Options))
            : (response.StatusCode, null);
    }

    public static async Task<HttpStatusCode> PostAsync<T>(FlowHarness flow, string route, string token, T body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body, options: RunnerJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await flow.Server.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>
    /// Does a runner's git work by hand: a clone of the repository, the task branch from the integration branch, one
    /// file, a commit with the spec's message and trailers, pushed to the task branch. Returns the commit.
    /// </summary>
    public static async Task<string> CommitTaskAsync(FlowHarness flow, RunnerTaskSpec spec, string file)
    {
        var clone = Path.Combine(flow.WorkDirectory, $"runner-{spec.TaskId}-{spec.Attempt.ToString(CultureInfo.InvariantCulture)}");
        await FlowHarness.GitAsync(flow.WorkDirectory, "clone", "--quiet", flow.Repository.BareRepositoryPath, clone);
        await FlowHarness.GitAsync(clone, "checkout", "--quiet", "-b", spec.TaskBranch, "origin/" + spec.IntegrationBranch);
        await File.WriteAllTextAsync(Path.Combine(clone, file), $"task {spec.TaskId}\n");
        await FlowHarness.GitAsync(clone, "add", file);
        var message = spec.CommitMessage + "\n\n" + string.Join("\n", spec.Trailers.Select(t => $"{t.Key}: {t.Value}"));
        await FlowHarness.GitAsync(clone, "-c", "user.name=gitbot[bot]", "-c", "user.email=gitbot@example.invalid", "commit", "--quiet", "-m", message);
        await FlowHarness.GitAsync(clone, "push", "--quiet", "origin", "HEAD:refs/heads/" + spec.TaskBranch);
        return (await FlowHarness.GitAsync(clone, "rev-parse", "HEAD")).Trim();
    }
}
