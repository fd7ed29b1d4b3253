using System.Net.Http.Headers;
using System.Text.Json;
using GitBot.GitHub.Http;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>
/// Sign-in with GitHub for the App's OAuth client: exchanges the web flow's one-time code for a user token
/// (<c>POST {WebUrl}/login/oauth/access_token</c>), then reads whom it belongs to and the repositories they can reach
/// through the App (<c>GET /user</c>, <c>/user/installations</c>, <c>/user/installations/{id}/repositories</c>, every page).
/// Nothing is retried: a code is spent by its first use, and a failed read is answered by signing in again. Outcomes are
/// values; the token is never logged (this class logs nothing) and never kept.
/// </summary>
public sealed class UserAccessClient(HttpClient http, GitHubOptions options)
{
    private const int PerPage = 100;

    /// <summary>True when <c>GitHub:ClientId</c> and <c>GitHub:ClientSecret</c> are both set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.ClientId) && !string.IsNullOrWhiteSpace(options.ClientSecret);

    /// <summary>
    /// Exchanges <paramref name="code"/> for a user token. GitHub answers a bad or reused code, or wrong client
    /// credentials, with 200 and an <c>error</c> field; that becomes <see cref="GitHubErrorKind.Unauthorized"/> naming the error.
    /// </summary>
    public async Task<GitHubResult<UserAccessToken>> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return GitHubResult<UserAccessToken>.Failure(new GitHubError(GitHubErrorKind.NotConfigured, null,
                "GitHub:ClientId and GitHub:ClientSecret must be set for sign-in with GitHub."));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebRoot, "login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var sent = await SendAsync(request, cancellationToken);
        if (!sent.TryGetValue(out var json))
        {
            return GitHubResult<UserAccessToken>.Failure(sent.Error!);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                var description = root.TryGetProperty("error_description", out var d) ? d.GetString() : null;
                return GitHubResult<UserAccessToken>.Failure(new GitHubError(GitHubErrorKind.Unauthorized, 200, $"{error.GetString()}: {description}"));
            }

            return root.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
                ? GitHubResult<UserAccessToken>.Success(new UserAccessToken(value))
                : GitHubResult<UserAccessToken>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, 200, "the token answer has no access_token"));
        }
    }

    /// <summary>The token's login and every repository it can access through the App's installations.</summary>
    public async Task<GitHubResult<UserAccess>> ListAccessibleRepositoriesAsync(UserAccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var user = await GetAsync(token, new Uri(options.ApiBaseUri, "user"), cancellationToken);
        if (!user.TryGetValue(out var userPage))
        {
            return GitHubResult<UserAccess>.Failure(user.Error!);
        }

        string login;
        using (userPage.Json)
        {
            if (!userPage.Json.RootElement.TryGetProperty("login", out var l) || l.GetString() is not { Length: > 0 } name)
            {
                return GitHubResult<UserAccess>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, 200, "GET /user has no login"));
            }

            login = name;
        }

        var installations = new List<long>();
        var listed = await ReadAllAsync(token, new Uri(options.ApiBaseUri, $"user/installations?per_page={PerPage}"), "installations",
            item => installations.Add(item.GetProperty("id").GetInt64()), cancellationToken);
        if (listed is not null)
        {
            return GitHubResult<UserAccess>.Failure(listed);
        }

        var repositories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in installations)
        {
            var read = await ReadAllAsync(token, new Uri(options.ApiBaseUri, $"user/installations/{id}/repositories?per_page={PerPage}"),
                "repositories", item => repositories.Add(item.GetProperty("full_name").GetString()!), cancellationToken);
            if (read is not null)
            {
                return GitHubResult<UserAccess>.Failure(read);
            }
        }

        return GitHubResult<UserAccess>.Success(new UserAccess(login, repositories));
    }

    private Uri WebRoot => new(options.WebUrl.EndsWith('/') ? options.WebUrl : options.WebUrl + "/", UriKind.Absolute);

    /// <summary>Follows <c>Link: rel="next"</c> from <paramref name="first"/>, handing each item of <paramref name="array"/> to <paramref name="take"/>; the error or null.</summary>
    private async Task<GitHubError?> ReadAllAsync(UserAccessToken token, Uri first, string array, Action<JsonElement> take, CancellationToken cancellationToken)
    {
        for (Uri? next = first; next is not null;)
        {
            var page = await GetAsync(token, next, cancellationToken);
            if (!page.TryGetValue(out var value))
            {
                return page.Error;
            }

            using (value.Json)
            {
                if (!value.Json.RootElement.TryGetProperty(array, out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    return new GitHubError(GitHubErrorKind.InvalidResponse, 200, $"GET {next.AbsolutePath} has no {array} array");
                }

                foreach (var item in items.EnumerateArray())
                {
                    take(item);
                }
            }

            next = value.Next;
        }

        return null;
    }

    private async Task<GitHubResult<(JsonDocument Json, Uri? Next)>> GetAsync(UserAccessToken token, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GitHubConnection.MediaType));
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", GitHubConnection.ApiVersion);
        Uri? next = null;
        var sent = await SendAsync(request, cancellationToken, response =>
            next = LinkHeaderParser.FindNext(response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null));
        return sent.Map(json => (json, next));
    }

    private async Task<GitHubResult<JsonDocument>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken,
        Action<HttpResponseMessage>? inspect = null)
    {
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        int status;
        byte[] body;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            inspect?.Invoke(response);
        }
        catch (HttpRequestException ex)
        {
            return GitHubResult<JsonDocument>.Failure(new GitHubError(GitHubErrorKind.Network, null, ex.Message));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return GitHubResult<JsonDocument>.Failure(new GitHubError(GitHubErrorKind.Timeout, null, ex.Message));
        }

        if (status is < 200 or >= 300)
        {
            return GitHubResult<JsonDocument>.Failure(GitHubErrorParser.Parse(new GitHubResponse(status, body), GitHubRetryDecision.Final));
        }

        try
        {
            return GitHubResult<JsonDocument>.Success(JsonDocument.Parse(body));
        }
        catch (JsonException ex)
        {
            return GitHubResult<JsonDocument>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, status, "not JSON: " + ex.Message));
        }
    }
}
