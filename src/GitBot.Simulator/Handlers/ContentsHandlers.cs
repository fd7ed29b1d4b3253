using System.Text;
using System.Text.Json.Nodes;
using GitBot.Simulator.Git;
using GitBot.Simulator.Http;

namespace GitBot.Simulator.Handlers;

/// <summary>Repository contents, read from the bare git repository at <c>ref</c> (default branch by default).</summary>
internal static class ContentsHandlers
{
    public static void Register(HandlerRegistry registry) => registry.Add("repos/get-content", Get);

    private static async ValueTask<SimResponse> Get(HandlerContext c)
    {
        var repo = c.Repository;
        var reference = c.Query("ref") ?? repo.DefaultBranch;
        var path = c.Path("path").Trim('/');
        var entry = await c.Runtime.Git.StatAsync(repo.BarePath, reference, path, c.CancellationToken);
        if (entry is null)
        {
            return c.NotFound();
        }

        if (entry.Type == "tree")
        {
            var children = await c.Runtime.Git.ListAsync(repo.BarePath, reference, path, c.CancellationToken);
            return c.Ok(new JsonArray([.. children.Select(child => (JsonNode)Describe(c, child, reference))]));
        }

        var text = await c.Runtime.Git.ReadBlobAsync(repo.BarePath, entry.Sha, c.CancellationToken);
        var described = Describe(c, entry, reference);
        described["encoding"] = "base64";
        described["content"] = Wrap(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
        return c.Ok(described);
    }

    private static JsonObject Describe(HandlerContext c, GitTreeEntry entry, string reference)
    {
        var full = c.Repository.FullName;
        var api = $"{c.Runtime.Shapes.ApiBase}repos/{full}/contents/{entry.Path}?ref={Uri.EscapeDataString(reference)}";
        var html = $"https://github.com/{full}/{(entry.Type == "tree" ? "tree" : "blob")}/{reference}/{entry.Path}";
        var git = $"{c.Runtime.Shapes.ApiBase}repos/{full}/git/{(entry.Type == "tree" ? "trees" : "blobs")}/{entry.Sha}";
        return new JsonObject
        {
            ["type"] = entry.Type == "tree" ? "dir" : "file",
            ["size"] = entry.Size,
            ["name"] = Path.GetFileName(entry.Path),
            ["path"] = entry.Path,
            ["sha"] = entry.Sha,
            ["url"] = api,
            ["git_url"] = git,
            ["html_url"] = html,
            ["download_url"] = entry.Type == "tree" ? null : $"https://raw.githubusercontent.com/{full}/{reference}/{entry.Path}",
            ["_links"] = new JsonObject { ["self"] = api, ["git"] = git, ["html"] = html },
        };
    }

    /// <summary>GitHub wraps base64 content at 60 characters per line.</summary>
    private static string Wrap(string base64)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 60)
        {
            builder.Append(base64, i, Math.Min(60, base64.Length - i)).Append('\n');
        }

        return builder.ToString();
    }
}
