using System.Text.Json.Nodes;
using GitBot.Simulator.Http;

namespace GitBot.Simulator.Handlers;

/// <summary>Collaborator permission checks, the basis of GitBot's "who may command me" rule.</summary>
internal static class CollaboratorsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("repos/get-collaborator-permission-level", GetPermission);
        registry.Add("repos/check-collaborator", Check);
    }

    /// <summary>A login's role on the repository: the owner is admin; unknown users have none.</summary>
    internal static string Role(HandlerContext c, string login) =>
        login.Equals(c.Repository.Owner.Login, StringComparison.OrdinalIgnoreCase)
            ? "admin"
            : c.Repository.Permissions.GetValueOrDefault(login, "none");

    private static ValueTask<SimResponse> GetPermission(HandlerContext c)
    {
        lock (c.Gate)
        {
            var login = c.Path("username");
            var role = Role(c, login);

            // The legacy "permission" field folds maintain into write and triage into read, as GitHub does.
            var permission = role switch
            {
                "maintain" => "write",
                "triage" => "read",
                _ => role,
            };
            var user = c.Runtime.Shapes.User(c.Runtime.State.User(login));
            user["permissions"] = new JsonObject
            {
                ["admin"] = role == "admin",
                ["maintain"] = role is "admin" or "maintain",
                ["push"] = role is "admin" or "maintain" or "write",
                ["triage"] = role is not ("read" or "none"),
                ["pull"] = role != "none",
            };
            user["role_name"] = role;
            return ValueTask.FromResult(c.Ok(new JsonObject { ["permission"] = permission, ["role_name"] = role, ["user"] = user }));
        }
    }

    private static ValueTask<SimResponse> Check(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(Role(c, c.Path("username")) == "none" ? c.NotFound() : SimResponse.Empty(204));
        }
    }
}
