using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Issues and issue comments.</summary>
internal static class IssuesHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("issues/get", Get);
        registry.Add("issues/update", Update);
        registry.Add("issues/create-comment", CreateComment);
        registry.Add("issues/get-comment", GetComment);
        registry.Add("issues/update-comment", UpdateComment);
        registry.Add("issues/list-comments", ListComments);
    }

    /// <summary>The issue (or pull request conversation) named by <c>{issue_number}</c>. Call under the lock.</summary>
    internal static IssueState? Find(HandlerContext c, string parameter = "issue_number") =>
        c.Repository.Issues.GetValueOrDefault(c.PathInt(parameter));

    internal static CommentState? FindComment(HandlerContext c) =>
        c.Repository.Issues.Values.SelectMany(i => i.Comments).FirstOrDefault(x => x.Id == c.PathLong("comment_id"));

    private static ValueTask<SimResponse> Get(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(Find(c) is { } issue ? c.Ok(c.Runtime.Shapes.Issue(c.Repository, issue)) : c.NotFound());
        }
    }

    private static ValueTask<SimResponse> Update(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (Find(c) is not { } issue)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            issue.Title = c.String("title") ?? issue.Title;
            issue.Body = c.Field("body") is not null ? c.String("body") : issue.Body;
            if (c.Field("labels") is { ValueKind: JsonValueKind.Array } labels)
            {
                issue.Labels.Clear();
                foreach (var label in labels.EnumerateArray())
                {
                    var name = label.ValueKind == JsonValueKind.String ? label.GetString() : label.TryGetProperty("name", out var n) ? n.GetString() : null;
                    if (name is not null)
                    {
                        issue.Labels.Add(LabelsHandlers.Ensure(c.Runtime, c.Repository, name));
                    }
                }
            }

            if (c.String("state") is { } state && state != issue.State)
            {
                issue.State = state;
                issue.StateReason = state == "closed" ? c.String("state_reason") ?? "completed" : "reopened";
                issue.ClosedAt = state == "closed" ? c.Runtime.Now : null;
                c.Runtime.Events.Publish("issues", state == "closed" ? "closed" : "reopened", c.Repository,
                    c.Repository.InstallationId, c.Actor, new JsonObject { ["issue"] = c.Runtime.Shapes.Issue(c.Repository, issue) });
            }

            issue.UpdatedAt = c.Runtime.Now;
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.Issue(c.Repository, issue)));
        }
    }

    private static ValueTask<SimResponse> CreateComment(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (Find(c) is not { } issue)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            var comment = AddComment(c.Runtime, c.Repository, issue, c.String("body")!, c.Actor);
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.Comment(c.Repository, comment)));
        }
    }

    /// <summary>Adds a comment and emits <c>issue_comment</c> <c>created</c>. Call under the lock.</summary>
    internal static CommentState AddComment(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, string body, UserState author)
    {
        var comment = new CommentState(runtime.State.NextId(), issue.Number, author, body, runtime.Now);
        issue.Comments.Add(comment);
        issue.UpdatedAt = runtime.Now;
        runtime.Events.Publish("issue_comment", "created", repo, repo.InstallationId, author, new JsonObject
        {
            ["issue"] = runtime.Shapes.Issue(repo, issue),
            ["comment"] = runtime.Shapes.Comment(repo, comment),
        });
        return comment;
    }

    private static ValueTask<SimResponse> GetComment(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(FindComment(c) is { } comment ? c.Ok(c.Runtime.Shapes.Comment(c.Repository, comment)) : c.NotFound());
        }
    }

    private static ValueTask<SimResponse> UpdateComment(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (FindComment(c) is not { } comment)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            comment.Body = c.String("body")!;
            comment.UpdatedAt = c.Runtime.Now;
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.Comment(c.Repository, comment)));
        }
    }

    private static ValueTask<SimResponse> ListComments(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (Find(c) is not { } issue)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            var all = issue.Comments.Select(x => (JsonNode)c.Runtime.Shapes.Comment(c.Repository, x)).ToList();
            return ValueTask.FromResult(c.Page(all));
        }
    }
}
