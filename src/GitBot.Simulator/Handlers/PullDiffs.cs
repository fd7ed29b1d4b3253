using System.Text;
using System.Text.Json.Nodes;
using GitBot.Simulator.Git;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>
/// A pull request's diff as GitHub computes it (merge base of the base branch and the head, to the head) and its
/// <c>application/vnd.github.diff</c> representation, with GitHub's size limits.
/// </summary>
internal static class PullDiffs
{
    /// <summary>GitHub refuses a diff with more lines than this (406).</summary>
    public const int MaxLines = 20_000;

    /// <summary>GitHub refuses a diff larger than this many bytes (406).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>GitHub refuses a diff touching more files than this (406).</summary>
    public const int MaxFiles = 300;

    public const string MediaType = "application/vnd.github.diff";

    /// <summary>Whether the <c>Accept</c> header asks for the diff (<c>application/vnd.github.diff</c> or <c>…v3.diff</c>).</summary>
    public static bool WantsDiff(SimRequest request) =>
        request.Header("Accept") is { } accept
        && accept.Split(',').Select(a => a.Split(';')[0].Trim())
            .Any(a => a.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
                      || a.Equals("application/vnd.github.v3.diff", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The diff of the pull request up to <paramref name="commitId"/> (default: its head). While it is open the base is
    /// the base branch's current tip, as on GitHub; once closed, the base recorded when it was opened.
    /// </summary>
    public static async Task<string> LoadAsync(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, string? commitId,
        CancellationToken cancellationToken)
    {
        string baseRef, baseSha, head;
        bool open;
        lock (runtime.State.Gate)
        {
            var pull = issue.Pull!;
            (baseRef, baseSha, head, open) = (pull.BaseRef, pull.BaseSha, commitId ?? pull.HeadSha, issue.State == "open" && !pull.Merged);
        }

        var @base = open ? await runtime.Git.ResolveAsync(repo.BarePath, "refs/heads/" + baseRef, cancellationToken) ?? baseSha : baseSha;
        return await runtime.Git.DiffAsync(repo.BarePath, @base, head, cancellationToken);
    }

    /// <summary>The diff as GitHub answers <c>GET …/pulls/{n}</c> with the diff media type, or its 406 when too large.</summary>
    public static SimResponse Respond(HandlerContext c, string diff)
    {
        var lines = diff.Count(ch => ch == '\n');
        var files = UnifiedDiffReader.Read(diff).Count;
        if (files > MaxFiles || lines > MaxLines || Encoding.UTF8.GetByteCount(diff) > MaxBytes)
        {
            var message = files > MaxFiles
                ? $"Sorry, the diff exceeded the maximum number of files ({MaxFiles}). Consider using 'List pull requests files' API or locally cloning the repository instead."
                : $"Sorry, the diff exceeded the maximum number of lines ({MaxLines})";
            return SimResponse.Of(406, new JsonObject
            {
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "PullRequest", ["field"] = "diff", ["code"] = "too_large" }),
                ["documentation_url"] = "https://docs.github.com/rest/pulls/pulls#list-pull-requests-files",
                ["status"] = "406",
            });
        }

        var response = SimResponse.Media(200, diff, MediaType + "; charset=utf-8");
        response.Headers["X-GitHub-Media-Type"] = "github.v3; param=diff; format=diff";
        return response;
    }
}
