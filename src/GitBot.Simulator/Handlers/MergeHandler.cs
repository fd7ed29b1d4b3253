using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>
/// <c>PUT …/pulls/{n}/merge</c>: a real merge in the bare repository. A <c>sha</c> that is not the current head is
/// refused with 409 "Head branch was modified", which is what makes GitBot's human gate safe against late pushes.
/// </summary>
internal static class MergeHandler
{
    public static async ValueTask<SimResponse> Merge(HandlerContext c)
    {
        IssueState? issue;
        lock (c.Gate)
        {
            issue = PullsHandlers.Find(c);
        }

        if (issue is null)
        {
            return c.NotFound();
        }

        await PullsHandlers.SyncHeadAsync(c.Runtime, c.Repository, issue, c.Repository.Owner, c.CancellationToken);
        string headSha, baseRef, headRef, headOwner;
        lock (c.Gate)
        {
            var pull = issue.Pull!;
            if (pull.Merged || issue.State != "open" || pull.Draft)
            {
                return SimResponse.Error(405, "Pull Request is not mergeable", c.Match.Operation.DocumentationUrl);
            }

            if (c.String("sha") is { } expected && expected != pull.HeadSha)
            {
                return SimResponse.Error(409, "Head branch was modified. Review and try the merge again.",
                    c.Match.Operation.DocumentationUrl);
            }

            (headSha, baseRef, headRef) = (pull.HeadSha, pull.BaseRef, pull.HeadRef);
            headOwner = (pull.HeadRepository ?? c.Repository).Owner.Login;
        }

        var method = c.String("merge_method") ?? "merge";
        var title = c.String("commit_title") ?? $"Merge pull request #{issue.Number} from {headOwner}/{headRef}";
        var message = c.String("commit_message") is { } extra ? $"{title}\n\n{extra}" : title;
        var merged = await c.Runtime.Git.MergeAsync(c.Repository.BarePath, baseRef, headSha, message, method != "merge",
            c.CancellationToken);
        if (merged is null)
        {
            return SimResponse.Error(405, "Pull Request is not mergeable", c.Match.Operation.DocumentationUrl);
        }

        lock (c.Gate)
        {
            var pull = issue.Pull!;
            pull.Merged = true;
            pull.MergedAt = c.Runtime.Now;
            pull.MergeCommitSha = merged;
            pull.MergedBy = c.Actor;
            issue.State = "closed";
            issue.ClosedAt = c.Runtime.Now;
            c.Runtime.Events.Publish("pull_request", "closed", c.Repository, c.Repository.InstallationId, c.Actor, new JsonObject
            {
                ["number"] = issue.Number,
                ["pull_request"] = c.Runtime.Shapes.PullRequest(c.Repository, issue),
            });
        }

        return c.Ok(new JsonObject { ["sha"] = merged, ["merged"] = true, ["message"] = "Pull Request successfully merged" });
    }
}
