using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Commit statuses: create and list for a ref (newest first).</summary>
internal static class StatusesHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("repos/create-commit-status", Create);
        registry.Add("repos/list-commit-statuses-for-ref", List);
    }

    private static async ValueTask<SimResponse> Create(HandlerContext c)
    {
        var sha = c.Path("sha");
        if (await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, sha, c.CancellationToken) is not { } resolved || resolved != sha)
        {
            return c.Unprocessable($"No commit found for SHA: {sha}");
        }

        lock (c.Gate)
        {
            var status = new CommitStatusState(c.Runtime.State.NextId(), sha, c.String("state")!, c.String("context") ?? "default",
                c.String("description"), c.String("target_url"), c.Actor, c.Runtime.Now);
            c.Repository.Statuses.Add(status);
            return c.Ok(c.Runtime.Shapes.Status(c.Repository, status));
        }
    }

    private static async ValueTask<SimResponse> List(HandlerContext c)
    {
        var sha = await c.Runtime.Git.ResolveAsync(c.Repository.BarePath, c.Path("ref"), c.CancellationToken);
        lock (c.Gate)
        {
            var all = c.Repository.Statuses.Where(s => s.Sha == sha).OrderByDescending(s => s.Id)
                .Select(s => (JsonNode)c.Runtime.Shapes.Status(c.Repository, s)).ToList();
            return c.Page(all);
        }
    }
}
