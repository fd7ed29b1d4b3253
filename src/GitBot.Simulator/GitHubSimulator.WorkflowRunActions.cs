using System.Globalization;
using System.Text.Json.Nodes;

namespace GitBot.Simulator;

/// <summary>
/// GitHub Actions runs of a dispatched workflow, for tests that play the runner: a run gets an id when it starts
/// (<c>workflow_run requested</c>, <c>workflow_job queued</c>) and ends with a conclusion (<c>workflow_job completed</c>,
/// <c>workflow_run completed</c>). Payloads carry the fields GitHub sends; the dispatcher fills the rest of the
/// documented schema.
/// </summary>
public sealed partial class GitHubSimulator
{
    /// <summary>
    /// Starts a run of <paramref name="workflowFile"/> on <paramref name="reference"/> (as GitHub does for a
    /// <c>workflow_dispatch</c>) and returns its id; emits <c>workflow_run requested</c> and <c>workflow_job queued</c>.
    /// </summary>
    public async Task<long> StartWorkflowRunAsync(string fullName, string workflowFile, string reference, string actorLogin, CancellationToken cancellationToken)
    {
        var bare = LockedRepo(fullName).BarePath;
        var sha = await _runtime.Git.ResolveAsync(bare, reference, cancellationToken)
                  ?? throw new ArgumentException($"{fullName} has no ref {reference}", nameof(reference));
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var run = new WorkflowRunRecord(_runtime.State.NextId(), _runtime.State.NextId(), workflowFile, reference, sha, actorLogin, _runtime.Now);
            _workflowRuns[run.Id] = run;
            var sender = _runtime.State.User(actorLogin);
            _runtime.Events.Publish("workflow_run", "requested", repo, repo.InstallationId, sender,
                new JsonObject { ["workflow_run"] = RunObject(fullName, run, "requested", null), ["workflow"] = WorkflowObject(fullName, run) });
            _runtime.Events.Publish("workflow_job", "queued", repo, repo.InstallationId, sender,
                new JsonObject { ["workflow_job"] = JobObject(fullName, run, "queued", null) });
            return run.Id;
        }
    }

    /// <summary>Ends run <paramref name="runId"/> with <paramref name="conclusion"/> (<c>success</c>, <c>failure</c>, <c>cancelled</c>, …).</summary>
    public Task CompleteWorkflowRunAsync(string fullName, long runId, string conclusion, CancellationToken cancellationToken)
    {
        lock (_runtime.State.Gate)
        {
            var repo = Repo(fullName);
            var run = _workflowRuns.TryGetValue(runId, out var found) ? found : throw new ArgumentException($"no workflow run {runId}", nameof(runId));
            var sender = _runtime.State.User(run.Actor);
            _runtime.Events.Publish("workflow_job", "completed", repo, repo.InstallationId, sender,
                new JsonObject { ["workflow_job"] = JobObject(fullName, run, "completed", conclusion) });
            _runtime.Events.Publish("workflow_run", "completed", repo, repo.InstallationId, sender,
                new JsonObject { ["workflow_run"] = RunObject(fullName, run, "completed", conclusion), ["workflow"] = WorkflowObject(fullName, run) });
            return Task.CompletedTask;
        }
    }

    private readonly Dictionary<long, WorkflowRunRecord> _workflowRuns = [];

    private JsonObject RunObject(string fullName, WorkflowRunRecord run, string status, string? conclusion)
    {
        var api = $"{_runtime.Shapes.ApiBase}repos/{fullName}/actions/runs/{Id(run.Id)}";
        return new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = run.Workflow,
            ["node_id"] = $"WFR_{Id(run.Id)}",
            ["head_branch"] = run.Ref,
            ["head_sha"] = run.HeadSha,
            ["path"] = $".github/workflows/{run.Workflow}",
            ["display_title"] = run.Workflow,
            ["run_number"] = run.Id,
            ["run_attempt"] = 1,
            ["event"] = "workflow_dispatch",
            ["status"] = status,
            ["conclusion"] = conclusion,
            ["workflow_id"] = run.WorkflowId,
            ["check_suite_id"] = run.Id,
            ["check_suite_node_id"] = $"CS_{Id(run.Id)}",
            ["url"] = api,
            ["html_url"] = $"https://github.com/{fullName}/actions/runs/{Id(run.Id)}",
            ["pull_requests"] = new JsonArray(),
            ["created_at"] = Time(run.At),
            ["updated_at"] = Time(_runtime.Now),
            ["run_started_at"] = Time(run.At),
            ["jobs_url"] = api + "/jobs",
            ["logs_url"] = api + "/logs",
            ["artifacts_url"] = api + "/artifacts",
            ["cancel_url"] = api + "/cancel",
            ["rerun_url"] = api + "/rerun",
            ["check_suite_url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/check-suites/{Id(run.Id)}",
            ["workflow_url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/actions/workflows/{Id(run.WorkflowId)}",
        };
    }

    private JsonObject WorkflowObject(string fullName, WorkflowRunRecord run) => new()
    {
        ["id"] = run.WorkflowId,
        ["node_id"] = $"W_{Id(run.WorkflowId)}",
        ["name"] = run.Workflow,
        ["path"] = $".github/workflows/{run.Workflow}",
        ["state"] = "active",
        ["url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/actions/workflows/{Id(run.WorkflowId)}",
        ["html_url"] = $"https://github.com/{fullName}/blob/{run.Ref}/.github/workflows/{run.Workflow}",
        ["badge_url"] = $"https://github.com/{fullName}/workflows/{run.Workflow}/badge.svg",
        ["created_at"] = Time(run.At),
        ["updated_at"] = Time(run.At),
    };

    private JsonObject JobObject(string fullName, WorkflowRunRecord run, string status, string? conclusion) => new()
    {
        ["id"] = run.Id + 1_000_000,
        ["run_id"] = run.Id,
        ["run_url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/actions/runs/{Id(run.Id)}",
        ["run_attempt"] = 1,
        ["node_id"] = $"CR_{Id(run.Id)}",
        ["head_sha"] = run.HeadSha,
        ["head_branch"] = run.Ref,
        ["workflow_name"] = run.Workflow,
        ["name"] = "task",
        ["status"] = status,
        ["conclusion"] = conclusion,
        ["labels"] = new JsonArray("self-hosted"),
        ["steps"] = new JsonArray(),
        ["created_at"] = Time(run.At),
        ["started_at"] = Time(run.At),
        ["completed_at"] = conclusion is null ? null : Time(_runtime.Now),
        ["url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/actions/jobs/{Id(run.Id + 1_000_000)}",
        ["html_url"] = $"https://github.com/{fullName}/actions/runs/{Id(run.Id)}/job/{Id(run.Id + 1_000_000)}",
        ["check_run_url"] = $"{_runtime.Shapes.ApiBase}repos/{fullName}/check-runs/{Id(run.Id + 1_000_000)}",
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A run this simulator started.</summary>
    private sealed record WorkflowRunRecord(long Id, long WorkflowId, string Workflow, string Ref, string HeadSha, string Actor, DateTimeOffset At);
}
