using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.Shapes;

namespace GitBot.Simulator.Handlers;

/// <summary>The App's own endpoints (JWT): the App, its installations, installation tokens, and installation repositories.</summary>
internal static class AppsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("apps/get-authenticated", GetApp);
        registry.Add("apps/list-installations", ListInstallations);
        registry.Add("apps/get-installation", GetInstallation);
        registry.Add("apps/get-repo-installation", GetRepoInstallation);
        registry.Add("apps/create-installation-access-token", CreateToken);
        registry.Add("apps/list-repos-accessible-to-installation", ListInstallationRepositories);
        DeliveriesHandlers.Register(registry);
    }

    private static ValueTask<SimResponse> GetApp(HandlerContext c)
    {
        lock (c.Gate)
        {
            var app = c.Runtime.Shapes.AppObject(c.Runtime.AppOwner);
            app["installations_count"] = c.Runtime.State.Installations.Count;
            return ValueTask.FromResult(c.Ok(app));
        }
    }

    private static ValueTask<SimResponse> ListInstallations(HandlerContext c)
    {
        lock (c.Gate)
        {
            var all = c.Runtime.State.Installations.Values.OrderBy(i => i.Id)
                .Select(i => (JsonNode)c.Runtime.Shapes.Installation(i)).ToList();
            return ValueTask.FromResult(c.Page(all));
        }
    }

    private static ValueTask<SimResponse> GetInstallation(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(c.Runtime.State.Installations.TryGetValue(c.PathLong("installation_id"), out var i)
                ? c.Ok(c.Runtime.Shapes.Installation(i))
                : c.NotFound());
        }
    }

    private static ValueTask<SimResponse> GetRepoInstallation(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.Installation(c.Runtime.State.Installations[c.Repository.InstallationId])));
        }
    }

    private static ValueTask<SimResponse> CreateToken(HandlerContext c)
    {
        lock (c.Gate)
        {
            if (!c.Runtime.State.Installations.TryGetValue(c.PathLong("installation_id"), out var installation))
            {
                return ValueTask.FromResult(c.NotFound());
            }

            // A token may be narrowed to one repository (by id or name); wider selections keep the whole installation.
            var repos = installation.RepositoryIds.Select(c.Runtime.State.Repository).OfType<State.RepositoryState>().ToList();
            var wanted = new List<State.RepositoryState>();
            if (c.Field("repository_ids") is { ValueKind: JsonValueKind.Array } ids)
            {
                wanted.AddRange(ids.EnumerateArray().Select(id => repos.FirstOrDefault(r => r.Id == id.GetInt64()))
                    .OfType<State.RepositoryState>());
            }

            if (c.Field("repositories") is { ValueKind: JsonValueKind.Array } names)
            {
                wanted.AddRange(names.EnumerateArray().Select(n => repos.FirstOrDefault(r => r.Name == n.GetString()))
                    .OfType<State.RepositoryState>());
            }

            var issued = c.Runtime.Tokens.Issue(installation.Id, wanted.Count == 1 ? wanted[0].Id : null,
                c.Runtime.Now + c.Runtime.Options.InstallationTokenLifetime);
            var body = new JsonObject
            {
                ["token"] = issued.Token,
                ["expires_at"] = ObjectShapes.Timestamp(issued.ExpiresAt),
                ["permissions"] = ObjectShapes.Permissions(),
                ["repository_selection"] = "selected",
            };
            if (wanted.Count > 0)
            {
                body["repositories"] = new JsonArray([.. wanted.Distinct().Select(r => (JsonNode)c.Runtime.Shapes.Repository(r))]);
            }

            return ValueTask.FromResult(c.Ok(body));
        }
    }

    private static ValueTask<SimResponse> ListInstallationRepositories(HandlerContext c)
    {
        if (c.Credential.IsApp)
        {
            return ValueTask.FromResult(SimResponse.Error(403, "This endpoint requires an installation access token",
                c.Match.Operation.DocumentationUrl));
        }

        lock (c.Gate)
        {
            var installation = c.Runtime.State.Installations[c.Credential.InstallationId!.Value];
            var repos = installation.RepositoryIds
                .Where(id => c.Credential.RepositoryId is null || c.Credential.RepositoryId == id)
                .Select(c.Runtime.State.Repository).OfType<State.RepositoryState>()
                .Select(r => (JsonNode)c.Runtime.Shapes.Repository(r)).ToList();
            return ValueTask.FromResult(c.Paged(repos, page => new JsonObject
            {
                ["total_count"] = repos.Count,
                ["repository_selection"] = "selected",
                ["repositories"] = new JsonArray([.. page.Select(p => p.DeepClone())]),
            }));
        }
    }
}
