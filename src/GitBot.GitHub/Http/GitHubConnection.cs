using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitBot.GitHub.Auth;
using GitBot.GitHub.Results;
using Microsoft.Extensions.Logging;
using Polly;

namespace GitBot.GitHub.Http;

/// <summary>
/// The one place GitBot talks HTTP to GitHub. Every request carries GitHub's media type, API version and a
/// User-Agent. Guarantees: GETs are conditional when an ETag is known and a 304 is answered from the cache; rate limits
/// are waited out (bounded by <see cref="GitHubOptions.MaxRateLimitWait"/>, at most <see cref="MaxRateLimitRetries"/>
/// times); 5xx and network failures are retried with capped, jittered exponential backoff only for idempotent methods;
/// a 401 is retried exactly once with a fresh token; no other 4xx is retried. All waits use the injected
/// <see cref="TimeProvider"/>. Outcomes are values; only cancellation by the caller throws.
/// </summary>
public sealed class GitHubConnection
{
    public const string MediaType = "application/vnd.github+json";
    public const string ApiVersion = "2022-11-28";
    public const int MaxRateLimitRetries = 3;

    /// <summary>Safety stop for pagination; at 100 per page this is 100,000 items.</summary>
    public const int MaxPages = 1000;

    private static readonly ResiliencePropertyKey<RequestState> StateKey = new("gitbot.github.request");

    private readonly HttpClient _http;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GitHubConnection> _logger;
    private readonly ResiliencePipeline<GitHubResponse> _pipeline;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private readonly PrimaryRateLimitGate _primaryLimit;
    private readonly GitHubMetrics? _metrics;

    public GitHubConnection(HttpClient http, GitHubOptions options, GitHubETagCache etags, TimeProvider time, ILogger<GitHubConnection> logger, GitHubMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _options = options;
        ETags = etags;
        _time = time;
        _logger = logger;
        BaseUri = options.ApiBaseUri;
        _userAgent = ProductInfoHeaderValue.TryParse(options.UserAgent, out var single)
            ? [single]
            : [new ProductInfoHeaderValue(new ProductHeaderValue(GitHubOptions.DefaultUserAgent))];
        _pipeline = GitHubResiliencePipeline.Build(options, time, _logger, StateKey);
        _primaryLimit = new PrimaryRateLimitGate(options, time, _logger);
    }

    public Uri BaseUri { get; }

    public GitHubETagCache ETags { get; }

    /// <summary><c>x-ratelimit-remaining</c> of the latest answer that carried it.</summary>
    public int? LastRateLimitRemaining { get; private set; }

    /// <summary>Sends one request and returns the raw answer of a 2xx (a 304 comes back as the cached 200).</summary>
    public Task<GitHubResult<GitHubResponse>> SendAsync(HttpMethod method, GitHubRoute route, byte[]? jsonBody, IGitHubCredentials credentials, CancellationToken cancellationToken) =>
        SendToAsync(method, new Uri(BaseUri, route.Path), route.Template, jsonBody, credentials, null, cancellationToken);

    /// <summary>
    /// A GET asking for another representation of a resource (<paramref name="mediaType"/>, e.g.
    /// <c>application/vnd.github.diff</c>); the raw answer comes back. Never conditional and never cached, because the
    /// ETag cache keys by URL and one URL has several representations.
    /// </summary>
    public Task<GitHubResult<GitHubResponse>> GetMediaAsync(GitHubRoute route, string mediaType, IGitHubCredentials credentials, CancellationToken cancellationToken) =>
        SendToAsync(HttpMethod.Get, new Uri(BaseUri, route.Path), route.Template, null, credentials, mediaType, cancellationToken);

    public Task<GitHubResult<T>> GetAsync<T>(GitHubRoute route, IGitHubCredentials credentials, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, route, null, credentials, responseType, cancellationToken);

    /// <summary>Sends a request (with an already serialized body, or none) and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<GitHubResult<T>> SendAsync<T>(
        HttpMethod method, GitHubRoute route, byte[]? jsonBody, IGitHubCredentials credentials, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        Deserialize(await SendAsync(method, route, jsonBody, credentials, cancellationToken), responseType);

    public async Task<GitHubResult<TResponse>> SendJsonAsync<TRequest, TResponse>(
        HttpMethod method, GitHubRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, IGitHubCredentials credentials,
        JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        Deserialize(await SendAsync(method, route, JsonSerializer.SerializeToUtf8Bytes(body, requestType), credentials, cancellationToken), responseType);

    /// <summary>Sends a request whose answer body GitBot does not need; true on any 2xx.</summary>
    public async Task<GitHubResult<bool>> SendWithoutAnswerAsync(HttpMethod method, GitHubRoute route, byte[]? jsonBody, IGitHubCredentials credentials, CancellationToken cancellationToken) =>
        (await SendAsync(method, route, jsonBody, credentials, cancellationToken)).Map(_ => true);

    /// <summary>Every item of a list endpoint, following <c>Link: rel="next"</c>.</summary>
    public Task<GitHubResult<IReadOnlyList<TItem>>> GetAllPagesAsync<TItem>(GitHubRoute route, IGitHubCredentials credentials, JsonTypeInfo<List<TItem>> pageType, CancellationToken cancellationToken) =>
        GetAllPagesAsync(route, credentials, pageType, page => page, null, cancellationToken);

    /// <summary>
    /// Items of a paginated endpoint whose page is <typeparamref name="TPage"/> (a list, or an object wrapping one),
    /// following <c>Link: rel="next"</c> until the last page, or until <paramref name="continueAfter"/> says the
    /// items of the latest page make further pages pointless. Next links must stay on the API's host, so a token is
    /// never sent elsewhere.
    /// </summary>
    public async Task<GitHubResult<IReadOnlyList<TItem>>> GetAllPagesAsync<TPage, TItem>(
        GitHubRoute route, IGitHubCredentials credentials, JsonTypeInfo<TPage> pageType, Func<TPage, IReadOnlyList<TItem>> items,
        Func<IReadOnlyList<TItem>, bool>? continueAfter, CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        Uri? next = new(BaseUri, route.Path);
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var response = await SendToAsync(HttpMethod.Get, next, route.Template, null, credentials, null, cancellationToken);
            var parsed = Deserialize(response, pageType);
            if (!parsed.IsSuccess)
            {
                return GitHubResult<IReadOnlyList<TItem>>.Failure(parsed.Error);
            }

            var pageItems = items(parsed.Value);
            all.AddRange(pageItems);
            if (continueAfter is not null && !continueAfter(pageItems))
            {
                break;
            }

            next = LinkHeaderParser.FindNext(response.Value.Link);
            if (next is not null && Uri.Compare(next, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return GitHubResult<IReadOnlyList<TItem>>.Failure(new GitHubError(
                    GitHubErrorKind.InvalidResponse, response.Value.StatusCode, $"GitHub's next-page link points away from {BaseUri.Authority}; not followed"));
            }
        }

        return GitHubResult<IReadOnlyList<TItem>>.Success(all);
    }

    private async Task<GitHubResult<GitHubResponse>> SendToAsync(
        HttpMethod method, Uri url, string template, byte[]? jsonBody, IGitHubCredentials credentials, string? mediaType, CancellationToken cancellationToken)
    {
        var token = await credentials.GetTokenAsync(cancellationToken);
        if (!token.IsSuccess)
        {
            return GitHubResult<GitHubResponse>.Failure(token.Error);
        }

        if (await _primaryLimit.WaitAsync(method, template, credentials.Identity, cancellationToken) is { } exhausted)
        {
            return GitHubResult<GitHubResponse>.Failure(exhausted);
        }

        var result = await ExecuteAsync(method, url, template, jsonBody, credentials.Identity, token.Value, mediaType, cancellationToken);
        if (result is { IsSuccess: true, Value.StatusCode: 401 } && credentials.Invalidate(token.Value))
        {
            // The token may have been revoked or expired early: one more try with a fresh one, never a loop.
            GitHubConnectionLog.Unauthorized(_logger, method.Method, template, credentials.Identity);
            token = await credentials.GetTokenAsync(cancellationToken);
            if (!token.IsSuccess)
            {
                return GitHubResult<GitHubResponse>.Failure(token.Error);
            }

            result = await ExecuteAsync(method, url, template, jsonBody, credentials.Identity, token.Value, mediaType, cancellationToken);
        }

        if (!result.IsSuccess)
        {
            return result;
        }

        var response = result.Value;
        if (response.IsSuccess || response.StatusCode == 304)
        {
            return result;
        }

        var decision = GitHubRetryClassifier.Classify(response, method, _time.GetUtcNow(), _options.MaxRateLimitWait);
        if (decision.Reason == GitHubRetryReason.RateLimitWaitTooLong)
        {
            GitHubConnectionLog.RateLimitTooLong(_logger, method.Method, template, response.StatusCode, decision.RetryAt, _options.MaxRateLimitWait);
        }

        return GitHubResult<GitHubResponse>.Failure(GitHubErrorParser.Parse(response, decision));
    }

    /// <summary>One logical attempt through the resilience pipeline; answers with any status, fails only without one.</summary>
    private async Task<GitHubResult<GitHubResponse>> ExecuteAsync(
        HttpMethod method, Uri url, string template, byte[]? jsonBody, string identity, string token, string? mediaType, CancellationToken cancellationToken)
    {
        var cacheable = method == HttpMethod.Get && mediaType is null;
        var cached = cacheable && ETags.TryGet(identity, url, out var etag, out var cachedBody, out var cachedLink)
            ? (ETag: etag, Body: cachedBody, Link: cachedLink)
            : ((string ETag, byte[] Body, string? Link)?)null;
        var state = new RequestState(method, url, template, jsonBody, token, cached?.ETag, mediaType);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        GitHubResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this);
        }
        catch (HttpRequestException e)
        {
            GitHubConnectionLog.TransportFailed(_logger, method.Method, template, e.Message);
            return GitHubResult<GitHubResponse>.Failure(new GitHubError(GitHubErrorKind.Network, null, $"could not reach GitHub at {BaseUri.Authority}: {e.Message}"));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            GitHubConnectionLog.TransportFailed(_logger, method.Method, template, e.Message);
            return GitHubResult<GitHubResponse>.Failure(new GitHubError(GitHubErrorKind.Timeout, null, $"GitHub did not answer within {_options.RequestTimeout}"));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        _primaryLimit.Track(identity, response);

        if (response.StatusCode == 304 && cached is { } hit)
        {
            GitHubConnectionLog.NotModified(_logger, method.Method, template);
            // The cached page's Link header is kept, so pagination continues even when a 304 carries none.
            return GitHubResult<GitHubResponse>.Success(response with { StatusCode = 200, Body = hit.Body, ETag = hit.ETag, Link = response.Link ?? hit.Link });
        }

        if (cacheable && response.IsSuccess && response.ETag is { Length: > 0 } newTag)
        {
            ETags.Store(identity, url, newTag, response.Body, response.Link);
        }

        return GitHubResult<GitHubResponse>.Success(response);
    }

    private async ValueTask<GitHubResponse> AttemptAsync(ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        using var request = new HttpRequestMessage(state.Method, state.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(state.MediaType ?? MediaType));
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        foreach (var product in _userAgent)
        {
            request.Headers.UserAgent.Add(product);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.Token);
        if (state.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", state.ETag);
        }

        if (state.Body is not null)
        {
            request.Content = new ByteArrayContent(state.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        var body = await answer.Content.ReadAsByteArrayAsync(timeout.Token);
        var response = GitHubResponse.From((int)answer.StatusCode, answer.Headers, body, _time.GetUtcNow());
        if (response.RateLimitRemaining is { } remaining)
        {
            LastRateLimitRemaining = remaining;
        }

        GitHubConnectionLog.Response(_logger, state.Method.Method, state.Template, response.StatusCode, response.RateLimitRemaining);
        _metrics?.Request(state.Method.Method, response.StatusCode, response.RateLimitRemaining);
        return response;
    }

    private static GitHubResult<T> Deserialize<T>(GitHubResult<GitHubResponse> response, JsonTypeInfo<T> type)
    {
        if (!response.IsSuccess)
        {
            return GitHubResult<T>.Failure(response.Error);
        }

        try
        {
            var value = response.Value.Body.Length == 0 ? default : JsonSerializer.Deserialize(response.Value.Body, type);
            return value is null
                ? GitHubResult<T>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, response.Value.StatusCode, $"GitHub answered without the expected {typeof(T).Name}"))
                : GitHubResult<T>.Success(value);
        }
        catch (JsonException e)
        {
            return GitHubResult<T>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, response.Value.StatusCode, $"GitHub's answer is not a valid {typeof(T).Name}: {e.Message}"));
        }
    }

    /// <summary>What one attempt needs; read by the pipeline's retry rules too.</summary>
    internal sealed record RequestState(HttpMethod Method, Uri Url, string Template, byte[]? Body, string Token, string? ETag, string? MediaType = null);
}
