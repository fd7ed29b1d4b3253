using System.Text.Json.Nodes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Shapes;

internal sealed partial class ObjectShapes
{
    /// <summary>
    /// A check run as the REST API answers it: <c>app</c> is the App that created it, and <c>pull_requests</c> lists
    /// the open pull requests whose head is the run's commit, as GitHub fills it for same-repository pull requests.
    /// </summary>
    public JsonObject CheckRun(RepositoryState repo, CheckRunState run, UserState appOwner) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = NodeId("CheckRun", run.Id),
        ["head_sha"] = run.HeadSha,
        ["external_id"] = run.ExternalId,
        ["url"] = $"{ApiBase}repos/{repo.FullName}/check-runs/{run.Id}",
        ["html_url"] = $"{WebBase}{repo.FullName}/runs/{run.Id}",
        ["details_url"] = run.DetailsUrl,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["started_at"] = Timestamp(run.StartedAt),
        ["completed_at"] = Timestamp(run.CompletedAt),
        ["output"] = new JsonObject
        {
            ["title"] = run.Output?["title"]?.DeepClone(),
            ["summary"] = run.Output?["summary"]?.DeepClone(),
            ["text"] = run.Output?["text"]?.DeepClone(),
            ["annotations_count"] = run.Annotations.Count,
            ["annotations_url"] = $"{ApiBase}repos/{repo.FullName}/check-runs/{run.Id}/annotations",
        },
        ["name"] = run.Name,
        ["check_suite"] = new JsonObject { ["id"] = run.Id + 500_000 },
        ["app"] = AppObject(run.App, appOwner),
        ["pull_requests"] = PullRequestsAt(repo, run.HeadSha),
    };

    /// <summary>
    /// A check run as a <c>check_run</c> webhook carries it: like the REST shape, but with the whole check suite
    /// (id, head SHA, status, conclusion, app, pull requests) where the REST answer has only the suite's id.
    /// </summary>
    public JsonObject CheckRunForWebhook(RepositoryState repo, CheckRunState run, UserState appOwner)
    {
        var shape = CheckRun(repo, run, appOwner);
        var suiteId = run.Id + 500_000;
        shape["check_suite"] = new JsonObject
        {
            ["id"] = suiteId,
            ["node_id"] = NodeId("CheckSuite", suiteId),
            ["head_branch"] = null,
            ["head_sha"] = run.HeadSha,
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["url"] = $"{ApiBase}repos/{repo.FullName}/check-suites/{suiteId}",
            ["before"] = null,
            ["after"] = run.HeadSha,
            ["pull_requests"] = PullRequestsAt(repo, run.HeadSha),
            ["app"] = AppObject(run.App, appOwner),
            ["created_at"] = Timestamp(run.StartedAt),
            ["updated_at"] = Timestamp(run.CompletedAt ?? run.StartedAt),
        };
        return shape;
    }

    /// <summary>One annotation as <c>GET …/check-runs/{id}/annotations</c> lists it.</summary>
    public static JsonObject Annotation(RepositoryState repo, CheckRunState run, JsonObject sent) => new()
    {
        ["path"] = sent["path"]?.DeepClone(),
        ["blob_href"] = $"{WebBase}{repo.FullName}/blob/{run.HeadSha}/{sent["path"]}",
        ["start_line"] = sent["start_line"]?.DeepClone(),
        ["end_line"] = sent["end_line"]?.DeepClone(),
        ["start_column"] = sent["start_column"]?.DeepClone(),
        ["end_column"] = sent["end_column"]?.DeepClone(),
        ["annotation_level"] = sent["annotation_level"]?.DeepClone(),
        ["title"] = sent["title"]?.DeepClone(),
        ["message"] = sent["message"]?.DeepClone(),
        ["raw_details"] = sent["raw_details"]?.DeepClone(),
    };

    /// <summary>
    /// The <c>pull-request-minimal</c> list of open pull requests whose head is <paramref name="sha"/>; as on GitHub, pull
    /// requests from forks are never listed there.
    /// </summary>
    private JsonArray PullRequestsAt(RepositoryState repo, string sha) =>
        new([.. repo.Issues.Values
            .Where(i => i.Pull is { Merged: false, HeadRepository: null } p && i.State == "open" && p.HeadSha == sha)
            .Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Pull!.Id,
                ["number"] = i.Number,
                ["url"] = $"{ApiBase}repos/{repo.FullName}/pulls/{i.Number}",
                ["head"] = MinimalBranch(repo, i.Pull.HeadRef, i.Pull.HeadSha),
                ["base"] = MinimalBranch(repo, i.Pull.BaseRef, i.Pull.BaseSha),
            })]);

    private JsonObject MinimalBranch(RepositoryState repo, string name, string sha) => new()
    {
        ["ref"] = name,
        ["sha"] = sha,
        ["repo"] = new JsonObject { ["id"] = repo.Id, ["url"] = $"{ApiBase}repos/{repo.FullName}", ["name"] = repo.Name },
    };
}
