using System.Text.Json;
using GitBot.GitHub.Webhooks.Models;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary><c>check_run</c>, <c>check_suite</c> and <c>workflow_run</c>: the commit, status and conclusion the merge gate reads.</summary>
public sealed class CheckPayloadTests
{
    public static TheoryData<string, int> CheckRunExamples => WebhookExamples.Cases(CheckRunEvent.EventName);

    public static TheoryData<string, int> CheckSuiteExamples => WebhookExamples.Cases(CheckSuiteEvent.EventName);

    public static TheoryData<string, int> WorkflowRunExamples => WebhookExamples.Cases(WorkflowRunEvent.EventName);

    [Theory]
    [MemberData(nameof(CheckRunExamples))]
    public void Check_run_example_exposes_commit_status_and_app(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<CheckRunEvent>(eventName, index);
        var run = e.CheckRun;

        Assert.True(run.Id > 0);
        Assert.NotEmpty(run.Name);
        Expect.Sha(run.HeadSha);
        Expect.Long(root, "check_run.id", run.Id);
        Expect.String(root, "check_run.name", run.Name);
        Expect.String(root, "check_run.head_sha", run.HeadSha);
        Expect.String(root, "check_run.status", run.Status);
        Expect.String(root, "check_run.conclusion", run.Conclusion);
        Assert.Equal(run.Status == "completed", run.Conclusion is not null);
        Expect.String(root, "check_run.details_url", run.DetailsUrl);
        Expect.Date(root, "check_run.started_at", run.StartedAt);
        Expect.Date(root, "check_run.completed_at", run.CompletedAt);
        Expect.Long(root, "check_run.app.id", run.App?.Id);
        Expect.String(root, "check_run.app.slug", run.App?.Slug);
        Assert.True(run.App?.Id > 0);
        Assert.True(run.CheckSuite.Id > 0);
        Expect.Long(root, "check_run.check_suite.id", run.CheckSuite.Id);
        Expect.String(root, "check_run.check_suite.head_sha", run.CheckSuite.HeadSha);
        AssertPullRequests(root, "check_run.pull_requests", run.PullRequests);
        Expect.String(root, "requested_action.identifier", e.RequestedAction?.Identifier);
    }

    [Theory]
    [MemberData(nameof(CheckSuiteExamples))]
    public void Check_suite_example_exposes_commit_and_conclusion(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var suite = WebhookExamples.Parse<CheckSuiteEvent>(eventName, index).CheckSuite;

        Assert.True(suite.Id > 0);
        Expect.Sha(suite.HeadSha);
        Expect.Long(root, "check_suite.id", suite.Id);
        Expect.String(root, "check_suite.head_sha", suite.HeadSha);
        Expect.String(root, "check_suite.head_branch", suite.HeadBranch);
        Expect.String(root, "check_suite.status", suite.Status);
        Expect.String(root, "check_suite.conclusion", suite.Conclusion);
        Expect.Long(root, "check_suite.app.id", suite.App?.Id);
        AssertPullRequests(root, "check_suite.pull_requests", suite.PullRequests);
    }

    [Theory]
    [MemberData(nameof(WorkflowRunExamples))]
    public void Workflow_run_example_exposes_run_commit_and_conclusion(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<WorkflowRunEvent>(eventName, index);

        // One published example is stripped to the shared fields; GitHub itself always sends the run.
        Assert.Equal(Expect.At(root, "workflow_run") is not null, e.WorkflowRun is not null);
        Expect.Long(root, "workflow.id", e.Workflow?.Id);
        Expect.String(root, "workflow.name", e.Workflow?.Name);
        Expect.String(root, "workflow.path", e.Workflow?.Path);
        if (e.WorkflowRun is not { } run)
        {
            return;
        }

        Assert.True(run.Id > 0);
        Expect.Sha(run.HeadSha);
        Assert.NotEmpty(run.Event);
        Expect.Long(root, "workflow_run.id", run.Id);
        Expect.String(root, "workflow_run.name", run.Name);
        Expect.String(root, "workflow_run.head_sha", run.HeadSha);
        Expect.String(root, "workflow_run.head_branch", run.HeadBranch);
        Expect.String(root, "workflow_run.status", run.Status);
        Expect.String(root, "workflow_run.conclusion", run.Conclusion);
        Expect.String(root, "workflow_run.event", run.Event);
        Expect.Long(root, "workflow_run.run_number", run.RunNumber);
        Expect.Long(root, "workflow_run.workflow_id", run.WorkflowId);
        Expect.Long(root, "workflow_run.check_suite_id", run.CheckSuiteId);
        AssertPullRequests(root, "workflow_run.pull_requests", run.PullRequests);
    }

    private static void AssertPullRequests(JsonElement root, string path, IReadOnlyList<PullRequestReference> actual)
    {
        var expected = Expect.At(root, path)?.EnumerateArray().ToArray() ?? [];
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(actual[i].Number > 0);
            Assert.Equal(expected[i].GetProperty("number").GetInt32(), actual[i].Number);
            Assert.Equal(expected[i].GetProperty("head").GetProperty("sha").GetString(), actual[i].Head?.Sha);
            Assert.Equal(expected[i].GetProperty("base").GetProperty("ref").GetString(), actual[i].Base?.Ref);
        }
    }
}
