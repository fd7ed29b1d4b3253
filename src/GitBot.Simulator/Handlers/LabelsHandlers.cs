using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Labels on issues: add (emits <c>issues labeled</c>), remove (emits <c>unlabeled</c>), list.</summary>
internal static class LabelsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("issues/add-labels", Add);
        registry.Add("issues/remove-label", Remove);
        registry.Add("issues/list-labels-on-issue", List);
    }

    /// <summary>The repository label with this name, created (grey) on first use as GitHub does. Call under the lock.</summary>
    internal static LabelState Ensure(SimulatorRuntime runtime, RepositoryState repo, string name)
    {
        if (!repo.Labels.TryGetValue(name, out var label))
        {
            label = new LabelState(runtime.State.NextId(), name, "ededed", null);
            repo.Labels[name] = label;
        }

        return label;
    }

    /// <summary>Adds a label if absent and emits <c>issues</c>/<c>labeled</c> (or nothing if it was there). Call under the lock.</summary>
    internal static void Apply(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, string name, UserState sender)
    {
        if (issue.Labels.Any(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var label = Ensure(runtime, repo, name);
        issue.Labels.Add(label);
        issue.UpdatedAt = runtime.Now;
        runtime.Events.Publish(issue.Pull is null ? "issues" : "pull_request", "labeled", repo, repo.InstallationId, sender,
            Subject(runtime, repo, issue, label));
    }

    /// <summary>
    /// Removes a label if present and emits <c>issues</c>/<c>unlabeled</c>; false (and nothing emitted) when it was not
    /// there. Call under the lock.
    /// </summary>
    internal static bool Unapply(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, string name, UserState sender)
    {
        var label = issue.Labels.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (label is null)
        {
            return false;
        }

        issue.Labels.Remove(label);
        issue.UpdatedAt = runtime.Now;
        runtime.Events.Publish(issue.Pull is null ? "issues" : "pull_request", "unlabeled", repo, repo.InstallationId, sender,
            Subject(runtime, repo, issue, label));
        return true;
    }

    private static JsonObject Subject(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, LabelState label) =>
        issue.Pull is null
            ? new JsonObject { ["issue"] = runtime.Shapes.Issue(repo, issue), ["label"] = runtime.Shapes.Label(repo, label) }
            : new JsonObject
            {
                ["number"] = issue.Number,
                ["pull_request"] = runtime.Shapes.PullRequest(repo, issue),
                ["label"] = runtime.Shapes.Label(repo, label),
            };

    private static ValueTask<SimResponse> Add(HandlerContext c)
    {
        var names = new List<string>();
        var list = c.Body is { ValueKind: JsonValueKind.Array } array ? array : c.Field("labels");
        var items = list is { ValueKind: JsonValueKind.Array } l ? l.EnumerateArray().ToList() : [];
        foreach (var item in items)
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()
                : item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (!string.IsNullOrEmpty(name))
            {
                names.Add(name);
            }
        }

        lock (c.Gate)
        {
            if (IssuesHandlers.Find(c) is not { } issue)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            foreach (var name in names)
            {
                Apply(c.Runtime, c.Repository, issue, name, c.Actor);
            }

            return ValueTask.FromResult(c.Ok(Labels(c, issue)));
        }
    }

    private static ValueTask<SimResponse> Remove(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (IssuesHandlers.Find(c) is not { } issue)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            return ValueTask.FromResult(Unapply(c.Runtime, c.Repository, issue, c.Path("name"), c.Actor)
                ? c.Ok(Labels(c, issue))
                : SimResponse.Error(404, "Label does not exist", c.Match.Operation.DocumentationUrl));
        }
    }

    private static ValueTask<SimResponse> List(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(IssuesHandlers.Find(c) is { } issue
                ? c.Page([.. Labels(c, issue).Select(n => n!)])
                : c.NotFound());
        }
    }

    private static JsonArray Labels(HandlerContext c, IssueState issue) =>
        new([.. issue.Labels.Select(l => (JsonNode)c.Runtime.Shapes.Label(c.Repository, l))]);
}
