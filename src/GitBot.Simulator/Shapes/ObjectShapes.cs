using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Shapes;

/// <summary>
/// Builds the JSON objects GitHub answers with, from state. Only the meaningful fields are written here; the
/// <see cref="OpenApi.SchemaFiller"/> completes every other required field from the documented schema.
/// Call under the state lock.
/// </summary>
internal sealed partial class ObjectShapes(string apiBase, SimulatedApp app, TimeProvider time)
{
    public const string WebBase = "https://github.com/";

    public string ApiBase { get; } = apiBase;

    public SimulatedApp App { get; } = app;

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at is { } value ? Timestamp(value) : null;

    public string Now() => Timestamp(time.GetUtcNow());

    public static string NodeId(string kind, long id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"0{kind.Length}:{kind}{id}")).TrimEnd('=');

    public JsonObject User(UserState user) => new()
    {
        ["login"] = user.Login,
        ["id"] = user.Id,
        ["node_id"] = NodeId(user.Type, user.Id),
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{user.Id}?v=4",
        ["gravatar_id"] = string.Empty,
        ["url"] = $"{ApiBase}users/{user.Login}",
        ["html_url"] = $"{WebBase}{user.Login}",
        ["followers_url"] = $"{ApiBase}users/{user.Login}/followers",
        ["following_url"] = $"{ApiBase}users/{user.Login}/following{{/other_user}}",
        ["gists_url"] = $"{ApiBase}users/{user.Login}/gists{{/gist_id}}",
        ["starred_url"] = $"{ApiBase}users/{user.Login}/starred{{/owner}}{{/repo}}",
        ["subscriptions_url"] = $"{ApiBase}users/{user.Login}/subscriptions",
        ["organizations_url"] = $"{ApiBase}users/{user.Login}/orgs",
        ["repos_url"] = $"{ApiBase}users/{user.Login}/repos",
        ["events_url"] = $"{ApiBase}users/{user.Login}/events{{/privacy}}",
        ["received_events_url"] = $"{ApiBase}users/{user.Login}/received_events",
        ["type"] = user.Type,
        ["user_view_type"] = "public",
        ["site_admin"] = false,
    };

    /// <summary>The smart-HTTP URL git clones, fetches and pushes, as <c>https://github.com/{owner}/{repo}.git</c> on GitHub.</summary>
    public string CloneUrl(RepositoryState repo) => $"{ApiBase}{repo.FullName}.git";

    public JsonObject Repository(RepositoryState repo)
    {
        var url = $"{ApiBase}repos/{repo.FullName}";
        return new JsonObject
        {
            ["id"] = repo.Id,
            ["node_id"] = NodeId("Repository", repo.Id),
            ["name"] = repo.Name,
            ["full_name"] = repo.FullName,
            ["private"] = repo.Private,
            ["visibility"] = repo.Private ? "private" : "public",
            ["owner"] = User(repo.Owner),
            ["html_url"] = WebBase + repo.FullName,
            ["description"] = null,
            ["fork"] = repo.Fork,
            ["url"] = url,
            ["clone_url"] = CloneUrl(repo),
            ["git_url"] = $"git://{new Uri(ApiBase).Authority}/{repo.FullName}.git",
            ["ssh_url"] = $"git@{new Uri(ApiBase).Host}:{repo.FullName}.git",
            ["default_branch"] = repo.DefaultBranch,
            ["archived"] = false,
            ["disabled"] = false,
            ["created_at"] = Timestamp(repo.CreatedAt),
            ["updated_at"] = Timestamp(repo.CreatedAt),
            ["pushed_at"] = Timestamp(repo.CreatedAt),
            ["issues_url"] = url + "/issues{/number}",
            ["pulls_url"] = url + "/pulls{/number}",
            ["labels_url"] = url + "/labels{/name}",
            ["statuses_url"] = url + "/statuses/{sha}",
            ["contents_url"] = url + "/contents/{+path}",
            ["has_issues"] = true,
            ["permissions"] = new JsonObject
            {
                ["admin"] = false,
                ["maintain"] = false,
                ["push"] = true,
                ["triage"] = true,
                ["pull"] = true,
            },
        };
    }

    public JsonObject Label(RepositoryState repo, LabelState label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = NodeId("Label", label.Id),
        ["url"] = $"{ApiBase}repos/{repo.FullName}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["color"] = label.Color,
        ["default"] = false,
        ["description"] = label.Description,
    };

    public JsonObject AppObject(UserState owner) => AppObject(App, owner);

    /// <summary><paramref name="app"/> as GitHub shows an App (the simulated one, or another App that creates check runs).</summary>
    public JsonObject AppObject(SimulatedApp app, UserState owner) => new()
    {
        ["id"] = app.Id,
        ["slug"] = app.Slug,
        ["node_id"] = NodeId("Integration", app.Id),
        ["client_id"] = "Iv1." + app.Id.ToString("x12", CultureInfo.InvariantCulture),
        ["owner"] = User(owner),
        ["name"] = app.Name,
        ["description"] = "A GitHub App on the GitHub simulator",
        ["external_url"] = "https://gitbot.invalid",
        ["html_url"] = WebBase + "apps/" + app.Slug,
        ["created_at"] = Timestamp(DateTimeOffset.UnixEpoch),
        ["updated_at"] = Timestamp(DateTimeOffset.UnixEpoch),
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("issues", "issue_comment", "pull_request", "pull_request_review", "check_run"),
        ["installations_count"] = 0,
    };

    public JsonObject Installation(InstallationState installation) => new()
    {
        ["id"] = installation.Id,
        ["account"] = User(installation.Account),
        ["repository_selection"] = "selected",
        ["access_tokens_url"] = $"{ApiBase}app/installations/{installation.Id}/access_tokens",
        ["repositories_url"] = $"{ApiBase}installation/repositories",
        ["html_url"] = $"{WebBase}settings/installations/{installation.Id}",
        ["app_id"] = App.Id,
        ["app_slug"] = App.Slug,
        ["target_id"] = installation.Account.Id,
        ["target_type"] = installation.Account.Type,
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("issues", "issue_comment", "pull_request", "pull_request_review", "check_run"),
        ["created_at"] = Timestamp(installation.CreatedAt),
        ["updated_at"] = Timestamp(installation.CreatedAt),
        ["single_file_name"] = null,
        ["suspended_at"] = null,
        ["suspended_by"] = null,
    };

    /// <summary>The short <c>{id,node_id}</c> form webhook payloads carry.</summary>
    public static JsonObject InstallationRef(long installationId) => new()
    {
        ["id"] = installationId,
        ["node_id"] = NodeId("Installation", installationId),
    };

    public static JsonObject Permissions() => new()
    {
        ["contents"] = "write",
        ["issues"] = "write",
        ["pull_requests"] = "write",
        ["checks"] = "write",
        ["statuses"] = "write",
        ["actions"] = "write",
        ["metadata"] = "read",
    };
}
