using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Pull requests: create, get, list, update, list files, merge (honouring <c>sha</c>).</summary>
internal static class PullsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("pulls/create", Create);
        registry.Add("pulls/get", Get);
        registry.Add("pulls/list", List);
        registry.Add("pulls/update", Update);
        registry.Add("pulls/list-files", ListFiles);
        registry.Add("pulls/merge", MergeHandler.Merge);
    }

    internal static IssueState? Find(HandlerContext c) =>
        c.Repository.Issues.GetValueOrDefault(c.PathInt("pull_number")) is { Pull: not null } issue ? issue : null;

    /// <summary>
    /// Records a new pull request (call under the lock); then the caller writes its <c>refs/pull/{n}/head</c>
    /// (<see cref="WritePullRefAsync"/>) and emits <c>opened</c> (<see cref="PublishOpened"/>), so a receiver of the webhook
    /// can already fetch the ref. <paramref name="headRepository"/> is the fork the head lives in (null: this repository).
    /// </summary>
    internal static IssueState Open(SimulatorRuntime runtime, RepositoryState repo, UserState author, string title, string? body,
        string head, string headSha, string @base, string baseSha, bool draft, RepositoryState? headRepository = null)
    {
        var issue = new IssueState(runtime.State.NextId(), repo.NextNumber++, author, title, body, runtime.Now)
        {
            Pull = new PullState(runtime.State.NextId(), head, headSha, @base, baseSha, draft) { HeadRepository = headRepository },
        };
        repo.Issues[issue.Number] = issue;
        return issue;
    }

    /// <summary>Emits <c>pull_request opened</c>. Call under the lock.</summary>
    internal static void PublishOpened(SimulatorRuntime runtime, RepositoryState repo, IssueState issue) =>
        runtime.Events.Publish("pull_request", "opened", repo, repo.InstallationId, issue.User, new JsonObject
        {
            ["number"] = issue.Number,
            ["pull_request"] = runtime.Shapes.PullRequest(repo, issue),
        });

    /// <summary>Points <c>refs/pull/{n}/head</c> at the pull request's head, as GitHub keeps it for every pull request.</summary>
    internal static Task WritePullRefAsync(SimulatorRuntime runtime, RepositoryState repo, int number, string sha,
        CancellationToken cancellationToken) =>
        runtime.Git.UpdateRefAsync(repo.BarePath, $"refs/pull/{number}/head", sha, cancellationToken);

    /// <summary>
    /// Brings a pull request's head up to its branch in the bare repository (GitBot pushes there directly) and emits
    /// <c>pull_request synchronize</c> when it moved, as GitHub does on push. A pull request from a fork never moves here.
    /// </summary>
    internal static async Task SyncHeadAsync(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, UserState sender,
        CancellationToken cancellationToken)
    {
        string headRef, known;
        lock (runtime.State.Gate)
        {
            // A fork's head is a branch of the fork: a base-repository branch of the same name is another branch.
            if (issue.Pull is not { Merged: false, HeadRepository: null } open || issue.State != "open")
            {
                return;
            }

            (headRef, known) = (open.HeadRef, open.HeadSha);
        }

        var sha = await runtime.Git.ResolveAsync(repo.BarePath, "refs/heads/" + headRef, cancellationToken);
        if (sha is not null && sha != known)
        {
            await WritePullRefAsync(runtime, repo, issue.Number, sha, cancellationToken);
        }

        lock (runtime.State.Gate)
        {
            var pull = issue.Pull!;
            if (sha is null || sha == pull.HeadSha || pull.Merged)
            {
                return;
            }

            var before = pull.HeadSha;
            pull.HeadSha = sha;
            issue.UpdatedAt = runtime.Now;
            runtime.Events.Publish("pull_request", "synchronize", repo, repo.InstallationId, sender, new JsonObject
            {
                ["number"] = issue.Number,
                ["before"] = before,
                ["after"] = sha,
                ["pull_request"] = runtime.Shapes.PullRequest(repo, issue),
            });
        }
    }

    private static async ValueTask<SimResponse> Create(HandlerContext c)
    {
        var head = c.String("head")!;
        head = head.Contains(':', StringComparison.Ordinal) ? head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..] : head;
        var @base = c.String("base")!;
        var headSha = await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, "refs/heads/" + head, c.CancellationToken);
        var baseSha = await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, "refs/heads/" + @base, c.CancellationToken);
        if (headSha is null || baseSha is null)
        {
            return Invalid(c, headSha is null ? "head" : "base");
        }

        IssueState issue;
        lock (c.Gate)
        {
            var existing = c.Repository.Issues.Values.FirstOrDefault(i =>
                i.Pull is { HeadRepository: null } p && i.State == "open" && p.HeadRef == head && p.BaseRef == @base);
            if (existing is not null)
            {
                return SimResponse.Of(422, new JsonObject
                {
                    ["message"] = "Validation Failed",
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["resource"] = "PullRequest",
                        ["code"] = "custom",
                        ["message"] = $"A pull request already exists for {c.Repository.Owner.Login}:{head}.",
                    }),
                    ["documentation_url"] = c.Match.Operation.DocumentationUrl,
                    ["status"] = "422",
                });
            }

            if (headSha == baseSha)
            {
                return c.Unprocessable($"No commits between {@base} and {head}");
            }

            issue = Open(c.Runtime, c.Repository, c.Actor, c.String("title") ?? head, c.String("body"), head, headSha, @base,
                baseSha, c.Bool("draft") ?? false);
        }

        await WritePullRefAsync(c.Runtime, c.Repository, issue.Number, headSha, c.CancellationToken);
        lock (c.Gate)
        {
            PublishOpened(c.Runtime, c.Repository, issue);
            return c.Ok(c.Runtime.Shapes.PullRequest(c.Repository, issue));
        }
    }

    private static async ValueTask<SimResponse> Get(HandlerContext c)
    {
        IssueState? issue;
        lock (c.Gate)
        {
            issue = Find(c);
        }

        if (issue is null)
        {
            return c.NotFound();
        }

        await SyncHeadAsync(c.Runtime, c.Repository, issue, c.Repository.Owner, c.CancellationToken);
        if (PullDiffs.WantsDiff(c.Request))
        {
            return PullDiffs.Respond(c, await PullDiffs.LoadAsync(c.Runtime, c.Repository, issue, null, c.CancellationToken));
        }

        lock (c.Gate)
        {
            return c.Ok(c.Runtime.Shapes.PullRequest(c.Repository, issue));
        }
    }

    private static ValueTask<SimResponse> List(HandlerContext c)
    {
        var state = c.Query("state") ?? "open";
        var head = c.Query("head");
        var @base = c.Query("base");
        lock (c.Gate)
        {
            var all = c.Repository.Issues.Values
                .Where(i => i.Pull is not null && (state == "all" || i.State == state))
                .Where(i => head is null || HeadMatches(c.Repository, i.Pull!, head))
                .Where(i => @base is null || i.Pull!.BaseRef == @base)
                .OrderByDescending(i => i.Number)
                .Select(i => (JsonNode)c.Runtime.Shapes.PullRequest(c.Repository, i)).ToList();
            return ValueTask.FromResult(c.Page(all));
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
            issue.Pull!.BaseRef = c.String("base") ?? issue.Pull.BaseRef;
            if (c.String("state") is { } state && state != issue.State && !issue.Pull.Merged)
            {
                issue.State = state;
                issue.ClosedAt = state == "closed" ? c.Runtime.Now : null;
                c.Runtime.Events.Publish("pull_request", state == "closed" ? "closed" : "reopened", c.Repository,
                    c.Repository.InstallationId, c.Actor, new JsonObject
                    {
                        ["number"] = issue.Number,
                        ["pull_request"] = c.Runtime.Shapes.PullRequest(c.Repository, issue),
                    });
            }

            issue.UpdatedAt = c.Runtime.Now;
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.PullRequest(c.Repository, issue)));
        }
    }

    private static async ValueTask<SimResponse> ListFiles(HandlerContext c)
    {
        string baseSha, headSha;
        lock (c.Gate)
        {
            if (Find(c) is not { Pull: { } pull })
            {
                return c.NotFound();
            }

            (baseSha, headSha) = (pull.BaseSha, pull.HeadSha);
        }

        var files = await c.Runtime.Git.ChangedFilesAsync(c.Repository.BarePath, baseSha, headSha, c.CancellationToken);
        var items = files.Select(f => (JsonNode)new JsonObject
        {
            ["sha"] = headSha,
            ["filename"] = f.Path,
            ["status"] = f.Status,
            ["additions"] = f.Additions,
            ["deletions"] = f.Deletions,
            ["changes"] = f.Additions + f.Deletions,
            ["blob_url"] = $"https://github.com/{c.Repository.FullName}/blob/{headSha}/{f.Path}",
            ["raw_url"] = $"https://github.com/{c.Repository.FullName}/raw/{headSha}/{f.Path}",
            ["contents_url"] = $"{c.Runtime.Shapes.ApiBase}repos/{c.Repository.FullName}/contents/{f.Path}?ref={headSha}",
            ["patch"] = f.Patch,
        }).ToList();
        return c.Page(items);
    }

    /// <summary>
    /// The <c>head</c> filter of <c>pulls/list</c>: <c>owner:branch</c> names the head's owner, so <c>octo:gitbot/1</c>
    /// never finds a fork's <c>gitbot/1</c>; a bare branch name matches only the repository's own branches.
    /// </summary>
    private static bool HeadMatches(RepositoryState repo, PullState pull, string head) =>
        $"{(pull.HeadRepository ?? repo).Owner.Login}:{pull.HeadRef}" == head || (pull.HeadRepository is null && pull.HeadRef == head);

    private static SimResponse Invalid(HandlerContext c, string field) => SimResponse.Of(422, new JsonObject
    {
        ["message"] = "Validation Failed",
        ["errors"] = new JsonArray(new JsonObject { ["resource"] = "PullRequest", ["field"] = field, ["code"] = "invalid" }),
        ["documentation_url"] = c.Match.Operation.DocumentationUrl,
        ["status"] = "422",
    });
}
