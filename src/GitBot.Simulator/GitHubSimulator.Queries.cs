using System.Text.Json.Nodes;
using GitBot.Simulator.State;

namespace GitBot.Simulator;

/// <summary>Read-only snapshots of the simulated state, for test assertions.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>The issue (or pull request conversation) <paramref name="number"/>, or null.</summary>
    public SimulatedIssue? GetIssue(string fullName, int number)
    {
        lock (_runtime.State.Gate)
        {
            var issue = _runtime.State.Repositories.GetValueOrDefault(fullName)?.Issues.GetValueOrDefault(number);
            return issue is null
                ? null
                : new SimulatedIssue(issue.Number, issue.Title, issue.Body, issue.State, [.. issue.Labels.Select(l => l.Name)],
                    [.. issue.Comments.Select(c => new SimulatedComment(c.Id, c.User.Login, c.Body, [.. c.Reactions.Select(r => r.Content)]))],
                    [.. issue.Reactions.Select(r => r.Content)], issue.Pull is not null);
        }
    }

    /// <summary>The pull request <paramref name="number"/> with its reviews, or null.</summary>
    public SimulatedPullRequest? GetPullRequest(string fullName, int number)
    {
        lock (_runtime.State.Gate)
        {
            var issue = _runtime.State.Repositories.GetValueOrDefault(fullName)?.Issues.GetValueOrDefault(number);
            if (issue?.Pull is not { } pull)
            {
                return null;
            }

            return new SimulatedPullRequest(issue.Number, issue.Title, pull.HeadRef, pull.HeadSha, pull.BaseRef, issue.State,
                pull.Merged, pull.Draft, pull.MergeCommitSha,
                [.. pull.Reviews.Select(r => new SimulatedReview(r.Id, r.User.Login, r.State, r.CommitId, r.Body,
                    [.. r.Comments.Select(c => new SimulatedReviewComment(c.Id, c.Path, c.Line, c.Body, c.Side, c.StartLine))]))],
                issue.Body, issue.User.Login, (pull.HeadRepository ?? _runtime.State.Repositories[fullName]).FullName);
        }
    }

    /// <summary>Every check run in the repository, oldest first.</summary>
    public IReadOnlyList<SimulatedCheckRun> GetCheckRuns(string fullName)
    {
        lock (_runtime.State.Gate)
        {
            return [.. Runs(fullName).Select(r => new SimulatedCheckRun(r.Id, r.Name, r.HeadSha, r.Status, r.Conclusion,
                Text(r.Output, "title"), Text(r.Output, "summary"), Text(r.Output, "text"), r.App.Id, r.App.Slug,
                [.. r.Annotations.Select(a => new SimulatedAnnotation(Text(a, "path") ?? string.Empty, Number(a, "start_line"),
                    Number(a, "end_line"), Text(a, "annotation_level") ?? string.Empty, Text(a, "title"), Text(a, "message") ?? string.Empty))]))];
        }
    }

    /// <summary>Every commit status in the repository, oldest first.</summary>
    public IReadOnlyList<SimulatedCommitStatus> GetCommitStatuses(string fullName)
    {
        lock (_runtime.State.Gate)
        {
            return [.. (_runtime.State.Repositories.GetValueOrDefault(fullName)?.Statuses ?? [])
                .Select(s => new SimulatedCommitStatus(s.Id, s.Sha, s.State, s.Context, s.Description, s.TargetUrl))];
        }
    }

    /// <summary>Every <c>workflow_dispatch</c> received for the repository, oldest first.</summary>
    public IReadOnlyList<SimulatedWorkflowDispatch> GetWorkflowDispatches(string fullName)
    {
        lock (_runtime.State.Gate)
        {
            return [.. _runtime.State.Repositories.GetValueOrDefault(fullName)?.WorkflowDispatches ?? []];
        }
    }

    private static string? Text(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static int Number(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;

    private List<CheckRunState> Runs(string fullName) => _runtime.State.Repositories.GetValueOrDefault(fullName)?.CheckRuns ?? [];
}
