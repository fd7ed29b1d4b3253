using System.Text.Json.Nodes;
using GitBot.Simulator.Http;

namespace GitBot.Simulator.Handlers;

/// <summary>The repository itself and the rate-limit status.</summary>
internal static class ReposHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("repos/get", Get);
        registry.Add("rate-limit/get", RateLimit);
    }

    private static ValueTask<SimResponse> Get(HandlerContext c)
    {
        lock (c.Gate)
        {
            var repo = c.Runtime.Shapes.Repository(c.Repository);
            repo["subscribers_count"] = 0;
            repo["network_count"] = 0;
            return ValueTask.FromResult(c.Ok(repo));
        }
    }

    /// <summary>Reports the caller's budget; the pipeline does not charge this call, as on GitHub.</summary>
    private static ValueTask<SimResponse> RateLimit(HandlerContext c)
    {
        var (snapshot, _) = c.Runtime.Limiter.Use(c.Credential.RateKey, spend: false);
        var core = new JsonObject
        {
            ["limit"] = snapshot.Limit,
            ["used"] = snapshot.Used,
            ["remaining"] = snapshot.Remaining,
            ["reset"] = snapshot.ResetAt.ToUnixTimeSeconds(),
        };
        return ValueTask.FromResult(c.Ok(new JsonObject
        {
            ["resources"] = new JsonObject { ["core"] = core },
            ["rate"] = core.DeepClone(),
        }));
    }
}
