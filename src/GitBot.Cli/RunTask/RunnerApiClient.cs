using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GitBot.Core.Executors;
using GitBot.Workflows.Executors;

namespace GitBot.Cli.RunTask;

/// <summary>The runner API of a GitBot server, as <c>gitbot run-task</c> calls it (the callback token as a bearer token).</summary>
internal sealed class RunnerApiClient(HttpClient http, Uri gitbotUrl, string task, string token)
{
    private Uri Route(string suffix) => new(gitbotUrl, $"api/runner/tasks/{task}{suffix}");

    public async Task<(HttpStatusCode Status, RunnerTaskSpec? Spec)> GetSpecAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, string.Empty, null);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<RunnerTaskSpec>(RunnerJson.Options, cancellationToken))
            : (response.StatusCode, null);
    }

    public Task<HttpStatusCode> StartedAsync(long runId, CancellationToken cancellationToken) =>
        PostAsync("/started", new RunnerStarted(runId), cancellationToken);

    public Task<HttpStatusCode> ResultAsync(RunnerTaskResult result, CancellationToken cancellationToken) =>
        PostAsync("/result", result, cancellationToken);

    /// <summary>Says what an answer means, for the job log.</summary>
    public static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "401: the callback token is wrong or expired",
        HttpStatusCode.Conflict => "409: the task is no longer waiting for this run (cancelled, timed out or already reported)",
        _ => ((int)status).ToString(CultureInfo.InvariantCulture),
    };

    private async Task<HttpStatusCode> PostAsync<T>(string suffix, T body, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, suffix, JsonContent.Create(body, options: RunnerJson.Options));
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private HttpRequestMessage Request(HttpMethod method, string suffix, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, Route(suffix)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
