using System.Net.Http.Headers;
using System.Text.Json;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>
/// The GitHub App manifest flow's last step, <c>POST /app-manifests/{code}/conversions</c>. It is the one call GitHub
/// takes without credentials (the one-time code, valid for an hour, is the credential), so it does not go through
/// <see cref="GitHubConnection"/>, which always sends a token. It is never retried: a code converts once, and a second
/// attempt after a lost answer could only fail.
/// </summary>
public sealed class AppManifestsClient
{
    private readonly HttpClient _http;
    private readonly Uri _apiUrl;
    private readonly string _userAgent;

    /// <param name="http">The client to send with; its timeout applies.</param>
    /// <param name="apiUrl">The REST API root (<c>https://api.github.com/</c>, a GHES <c>https://HOST/api/v3/</c>).</param>
    /// <param name="userAgent">GitHub refuses requests without one.</param>
    public AppManifestsClient(HttpClient http, Uri apiUrl, string userAgent = GitHubOptions.DefaultUserAgent)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        _http = http;
        _apiUrl = apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
        _userAgent = userAgent;
    }

    /// <summary>Exchanges the manifest flow's <paramref name="code"/> for the new App's id, key and secrets.</summary>
    public async Task<GitHubResult<AppManifestConversion>> ConvertAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiUrl, $"app-manifests/{Uri.EscapeDataString(code)}/conversions"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GitHubConnection.MediaType));
        request.Headers.UserAgent.ParseAdd(_userAgent);
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", GitHubConnection.ApiVersion);
        byte[] body;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return GitHubResult<AppManifestConversion>.Failure(new GitHubError(GitHubErrorKind.Network, null, ex.Message));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return GitHubResult<AppManifestConversion>.Failure(new GitHubError(GitHubErrorKind.Timeout, null, ex.Message));
        }

        if (status is < 200 or >= 300)
        {
            return GitHubResult<AppManifestConversion>.Failure(GitHubErrorParser.Parse(new GitHubResponse(status, body), GitHubRetryDecision.Final));
        }

        try
        {
            return JsonSerializer.Deserialize(body, AppManifestJsonContext.Default.AppManifestConversion) is { Pem.Length: > 0 } app
                ? GitHubResult<AppManifestConversion>.Success(app)
                : GitHubResult<AppManifestConversion>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, status, "the conversion answer has no private key (pem)"));
        }
        catch (JsonException ex)
        {
            return GitHubResult<AppManifestConversion>.Failure(new GitHubError(GitHubErrorKind.InvalidResponse, status, "the conversion answer is not the documented JSON: " + ex.Message));
        }
    }
}
