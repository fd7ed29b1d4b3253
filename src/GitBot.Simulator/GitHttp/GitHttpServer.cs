using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using GitBot.Git.Processes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.GitHttp;

/// <summary>
/// Git over smart HTTP, as github.com serves it: <c>git http-backend</c> runs as a CGI program through
/// <see cref="ProcessRunner.RunStreamingAsync"/>, so request and response bodies stream (a push of any size never sits
/// in memory). Authentication is GitHub's: HTTP Basic whose password (or, failing that, username) is an installation
/// token; none or an invalid one → 401 with <c>WWW-Authenticate: Basic realm="GitHub"</c>, a token whose installation
/// cannot see the repository → 404. A gzip request body (git compresses large fetch negotiations) is inflated before
/// it reaches git. After an accepted push the <c>push</c> webhooks go out and pull request heads follow.
/// </summary>
internal sealed class GitHttpServer(SimulatorRuntime runtime, ProcessRunner runner)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly ConcurrentQueue<SimulatedGitRequest> _requests = new();

    // Pushes to one repository are serialized so the before/after ref snapshots belong to exactly one push.
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _pushLocks = new();

    public IReadOnlyList<SimulatedGitRequest> Requests => [.. _requests];

    public async Task ServeAsync(HttpListenerContext context, GitHttpRoute route, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        var path = (request.RawUrl ?? "/").Split('?')[0];
        var token = Token(request.Headers["Authorization"]);
        var issued = token is null ? null : runtime.Tokens.Find(token, runtime.Now);
        if (issued is null)
        {
            response.Headers["WWW-Authenticate"] = "Basic realm=\"GitHub\"";
            await TextAsync(response, 401, "Invalid username or token. Password authentication is not supported for Git operations.\n");
            Record(request, path, route, null, null, 401, []);
            return;
        }

        RepositoryState? repo;
        UserState bot;
        lock (runtime.State.Gate)
        {
            repo = runtime.State.Repositories.GetValueOrDefault(route.FullName);
            var visible = repo is not null && repo.InstallationId == issued.InstallationId
                          && (issued.RepositoryId is null || issued.RepositoryId == repo.Id);
            repo = visible ? repo : null;
            bot = runtime.Bot;
        }

        if (repo is null || route.Service is null)
        {
            await TextAsync(response, 404, "Repository not found.\n");
            Record(request, path, route, bot.Login, issued.InstallationId, 404, []);
            return;
        }

        if (!route.IsPush)
        {
            var status = await RunBackendAsync(context, route, repo, bot, cancellationToken);
            response.Close();
            Record(request, path, route, bot.Login, issued.InstallationId, status, []);
            return;
        }

        var gate = _pushLocks.GetOrAdd(repo.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var before = await runtime.Git.RefsAsync(repo.BarePath, cancellationToken);
            var status = await RunBackendAsync(context, route, repo, bot, cancellationToken);
            var after = await runtime.Git.RefsAsync(repo.BarePath, cancellationToken);
            Record(request, path, route, bot.Login, issued.InstallationId, status, PushEvents.Changed(before, after));

            // The webhooks are queued before git hears the push is done, so a test that waits for deliveries after
            // `git push` returns sees them.
            await PushEvents.EmitAsync(runtime, repo, bot, before, after, cancellationToken);
            response.Close();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The token from <c>Authorization: Basic base64(user:token)</c>; GitHub also takes the token as the username.</summary>
    internal static string? Token(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? decoded : decoded[..colon];
        var password = colon < 0 ? string.Empty : decoded[(colon + 1)..];
        return password.Length > 0 ? password : user.Length > 0 ? user : null;
    }

    /// <summary>Runs <c>git http-backend</c> for the request; returns the status answered. Leaves the response open.</summary>
    private async Task<int> RunBackendAsync(HttpListenerContext context, GitHttpRoute route, RepositoryState repo, UserState user,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var gzip = request.Headers["Content-Encoding"] is "gzip" or "x-gzip";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_PROJECT_ROOT"] = Path.GetDirectoryName(repo.BarePath)!,
            ["PATH_INFO"] = $"/{Path.GetFileName(repo.BarePath)}/{route.Rest}",
            ["GIT_HTTP_EXPORT_ALL"] = "1",
            ["REQUEST_METHOD"] = request.HttpMethod.ToUpperInvariant(),
            ["QUERY_STRING"] = route.Query,
            ["REMOTE_USER"] = user.Login,
            ["REMOTE_ADDR"] = "127.0.0.1",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",

            // refs/pull/{n}/head is GitHub's: fetchable by anyone who can read, never pushable ("deny updating a hidden ref").
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "receive.hideRefs",
            ["GIT_CONFIG_VALUE_0"] = "refs/pull",
        };
        if (request.ContentType is { } contentType)
        {
            environment["CONTENT_TYPE"] = contentType;
        }

        // Without CONTENT_LENGTH http-backend reads to the end of stdin, which is what a chunked or inflated body needs.
        if (!gzip && request.HasEntityBody && request.ContentLength64 >= 0)
        {
            environment["CONTENT_LENGTH"] = request.ContentLength64.ToString(CultureInfo.InvariantCulture);
        }

        if (request.Headers["Git-Protocol"] is { Length: > 0 } protocol)
        {
            environment["GIT_PROTOCOL"] = protocol;
            environment["HTTP_GIT_PROTOCOL"] = protocol;
        }

        await using var input = !request.HasEntityBody ? null
            : gzip ? new GZipStream(request.InputStream, CompressionMode.Decompress, leaveOpen: true)
            : request.InputStream;
        var output = new CgiResponseStream(context.Response);
        await using (output)
        {
            var result = await runner.RunStreamingAsync(
                new ProcessSpec("git", ["http-backend"], Path.GetDirectoryName(repo.BarePath), environment, Timeout),
                input, output, cancellationToken);
            if (output.Started)
            {
                // The caller closes the response (after a push, once its webhooks are queued).
                await output.FlushAsync(cancellationToken);
                return output.Status;
            }

            var why = result.StartError ?? result.StandardError;
            await TextAsync(context.Response, 500, $"git http-backend failed ({result.End}, exit {result.ExitCode}): {why}\n", close: false);
            return 500;
        }
    }

    private void Record(HttpListenerRequest request, string path, GitHttpRoute route, string? login, long? installationId, int status,
        IReadOnlyList<string> updated) =>
        _requests.Enqueue(new SimulatedGitRequest(request.HttpMethod.ToUpperInvariant(), path, route.Service, login, installationId,
            status, updated));

    private static async Task TextAsync(HttpListenerResponse response, int status, string text, bool close = true)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        if (close)
        {
            response.Close();
        }
    }
}
