using System.Text.Json.Nodes;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>
/// The signed-in person's endpoints, answered for a user token (<c>ghu_…</c>) only (see <see cref="Authenticator"/>):
/// who they are, the App's installations they can reach, and the repositories of one installation they can access.
/// Access is the simulated person's repository list intersected with the App's installations.
/// </summary>
internal static class UserHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("users/get-authenticated", GetAuthenticated);
        registry.Add("apps/list-installations-for-authenticated-user", ListInstallations);
        registry.Add("apps/list-installation-repos-for-authenticated-user", ListRepositories);
    }

    /// <summary>The login a user token belongs to; the authenticator has already accepted it.</summary>
    public static string? LoginOf(HandlerContext c) =>
        c.Request.Header("Authorization") is { } header && header.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
            ? c.Runtime.OAuth.LoginOf(header[(space + 1)..].Trim())
            : null;

    private static ValueTask<SimResponse> GetAuthenticated(HandlerContext c)
    {
        lock (c.Gate)
        {
            var login = LoginOf(c)!;
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.User(c.Runtime.State.User(login))));
        }
    }

    private static ValueTask<SimResponse> ListInstallations(HandlerContext c)
    {
        lock (c.Gate)
        {
            var installations = Accessible(c).GroupBy(r => r.InstallationId).Select(g => g.Key).Order()
                .Select(id => (JsonNode)c.Runtime.Shapes.Installation(c.Runtime.State.Installations[id])).ToList();
            return ValueTask.FromResult(c.Paged(installations, page => new JsonObject
            {
                ["total_count"] = installations.Count,
                ["installations"] = new JsonArray([.. page.Select(n => n.DeepClone())]),
            }));
        }
    }

    private static ValueTask<SimResponse> ListRepositories(HandlerContext c)
    {
        lock (c.Gate)
        {
            var installationId = c.PathLong("installation_id");
            var repositories = Accessible(c).Where(r => r.InstallationId == installationId).OrderBy(r => r.Id)
                .Select(r => (JsonNode)c.Runtime.Shapes.Repository(r)).ToList();
            if (repositories.Count == 0)
            {
                // GitHub hides an installation the person cannot reach behind 404, like any resource they cannot see.
                return ValueTask.FromResult(c.NotFound());
            }

            return ValueTask.FromResult(c.Paged(repositories, page => new JsonObject
            {
                ["total_count"] = repositories.Count,
                ["repository_selection"] = "selected",
                ["repositories"] = new JsonArray([.. page.Select(n => n.DeepClone())]),
            }));
        }
    }

    private static IEnumerable<RepositoryState> Accessible(HandlerContext c)
    {
        var names = c.Runtime.OAuth.RepositoriesOf(LoginOf(c) ?? string.Empty) ?? new HashSet<string>();
        return c.Runtime.State.Repositories.Values.Where(r => names.Contains(r.FullName) && c.Runtime.State.Installations.ContainsKey(r.InstallationId));
    }
}
