using System.Text.Json.Nodes;
using GitBot.Simulator.Git;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.GitHttp;

/// <summary>
/// What github.com does after a push is accepted: one <c>push</c> webhook per updated ref (created, deleted, forced,
/// the commits, head commit), then <c>pull_request synchronize</c> for open pull requests whose head branch moved.
/// </summary>
internal static class PushEvents
{
    private const string ZeroSha = "0000000000000000000000000000000000000000";

    /// <summary>The refs whose target differs between the two snapshots, in name order.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(r => before.GetValueOrDefault(r) != after.GetValueOrDefault(r))
            .Order(StringComparer.Ordinal)];

    public static async Task EmitAsync(SimulatorRuntime runtime, RepositoryState repo, UserState pusher,
        IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, CancellationToken cancellationToken)
    {
        foreach (var name in Changed(before, after))
        {
            var old = before.GetValueOrDefault(name);
            var @new = after.GetValueOrDefault(name);
            var commits = @new is null
                ? []
                : await runtime.Git.CommitsAsync(repo.BarePath, @new, old is null ? before.Values : [old], null, cancellationToken);
            var head = @new is null ? null
                : commits.Count > 0 ? commits[^1]
                : await runtime.Git.CommitsAsync(repo.BarePath, @new, [], 1, cancellationToken) is [var tip, ..] ? tip : null;
            var forced = old is not null && @new is not null && !await runtime.Git.IsAncestorAsync(repo.BarePath, old, @new, cancellationToken);
            lock (runtime.State.Gate)
            {
                runtime.Events.Publish("push", null, repo, repo.InstallationId, pusher, new JsonObject
                {
                    ["ref"] = name,
                    ["before"] = old ?? ZeroSha,
                    ["after"] = @new ?? ZeroSha,
                    ["created"] = old is null,
                    ["deleted"] = @new is null,
                    ["forced"] = forced,
                    ["base_ref"] = null,
                    ["compare"] = Compare(repo, old, @new),
                    ["commits"] = new JsonArray([.. commits.Select(c => (JsonNode)Commit(repo, c))]),
                    ["head_commit"] = head is null ? null : Commit(repo, head),
                    ["pusher"] = new JsonObject
                    {
                        ["name"] = pusher.Login,
                        ["email"] = $"{pusher.Id}+{pusher.Login}@users.noreply.github.com",
                    },
                });
            }
        }

        foreach (var name in Changed(before, after).Where(r => r.StartsWith("refs/heads/", StringComparison.Ordinal)))
        {
            await SyncPullsAsync(runtime, repo, name["refs/heads/".Length..], pusher, cancellationToken);
        }
    }

    /// <summary>
    /// Moves open pull requests whose head is <paramref name="branch"/> of this repository to its new commit
    /// (<c>synchronize</c>); pull requests from forks are not on this repository's branches.
    /// </summary>
    public static async Task SyncPullsAsync(SimulatorRuntime runtime, RepositoryState repo, string branch, UserState pusher,
        CancellationToken cancellationToken)
    {
        List<IssueState> pulls;
        lock (runtime.State.Gate)
        {
            pulls = [.. repo.Issues.Values.Where(i => i.Pull is { HeadRepository: null } p && p.HeadRef == branch && i.State == "open")];
        }

        foreach (var pull in pulls)
        {
            await PullsHandlers.SyncHeadAsync(runtime, repo, pull, pusher, cancellationToken);
        }
    }

    private static string Compare(RepositoryState repo, string? old, string? @new) =>
        old is null || @new is null
            ? $"{ObjectShapes.WebBase}{repo.FullName}/commit/{(@new ?? old)![..12]}"
            : $"{ObjectShapes.WebBase}{repo.FullName}/compare/{old[..12]}...{@new[..12]}";

    private static JsonObject Commit(RepositoryState repo, PushedCommit commit) => new()
    {
        ["id"] = commit.Sha,
        ["tree_id"] = commit.Tree,
        ["distinct"] = true,
        ["message"] = commit.Message,
        ["timestamp"] = commit.CommitterDate,
        ["url"] = $"{ObjectShapes.WebBase}{repo.FullName}/commit/{commit.Sha}",
        ["author"] = new JsonObject { ["name"] = commit.AuthorName, ["email"] = commit.AuthorEmail, ["date"] = commit.AuthorDate },
        ["committer"] = new JsonObject
        {
            ["name"] = commit.CommitterName,
            ["email"] = commit.CommitterEmail,
            ["date"] = commit.CommitterDate,
        },
        ["added"] = new JsonArray([.. commit.Added.Select(p => (JsonNode)p)]),
        ["removed"] = new JsonArray([.. commit.Removed.Select(p => (JsonNode)p)]),
        ["modified"] = new JsonArray([.. commit.Modified.Select(p => (JsonNode)p)]),
    };
}
