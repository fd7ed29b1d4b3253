using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitBot.Simulator.Auth;
using GitBot.Simulator.Faults;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.State;
using Microsoft.Extensions.Logging;

namespace GitBot.Simulator.Http;

/// <summary>
/// One request, start to finish: <c>User-Agent</c> and <c>X-GitHub-Api-Version</c> checks (→ 403/400), route by the OpenAPI description (unknown → 404), validate (→ 400/422), injected
/// faults, authentication (→ 401), repository access (→ 404), primary rate limit (→ 403), the handler by operationId,
/// response completion to the documented schema, ETag / <c>If-None-Match</c> (304 costs no rate limit), and the
/// <c>x-ratelimit-*</c> headers on every answer. Every 403/404/400/422 rejection of a malformed request is recorded.
/// </summary>
internal sealed class RequestPipeline(
    SimulatorRuntime runtime,
    Authenticator authenticator,
    FaultInjector faults,
    HandlerRegistry handlers)
{
    /// <summary>The REST API versions api.github.com accepts in <c>X-GitHub-Api-Version</c>.</summary>
    private static readonly HashSet<string> SupportedApiVersions = new(StringComparer.Ordinal) { "2022-11-28", "2026-03-10" };

    private readonly ConcurrentQueue<string> _rejected = new();
    private readonly RateLimiter limiter = runtime.Limiter;
    private readonly ILogger _logger = runtime.Options.LoggerFactory.CreateLogger<RequestPipeline>();

    public IReadOnlyList<string> Rejected => [.. _rejected];

    public async Task<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var response = await RouteAsync(request, cancellationToken);
        response.Headers.TryAdd("X-GitHub-Media-Type", "github.v3; format=json");
        response.Headers.TryAdd("X-GitHub-Api-Version-Selected", "2022-11-28");
        response.Headers.TryAdd("X-GitHub-Request-Id", Guid.NewGuid().ToString("N")[..20].ToUpperInvariant());
        return response;
    }

    private async Task<SimResponse> RouteAsync(SimRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Header("User-Agent")))
        {
            return WithLimits(Reject(request, SimResponse.Error(403,
                "Request forbidden by administrative rules. Please make sure your request has a User-Agent header " +
                "(https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). " +
                "Check https://developer.github.com for other possible causes."), "no User-Agent header"), "anonymous");
        }

        if (request.Header("X-GitHub-Api-Version") is { } version && !SupportedApiVersions.Contains(version))
        {
            return WithLimits(Reject(request, SimResponse.Error(400, $"API version {version} is not supported."),
                $"unsupported X-GitHub-Api-Version '{version}'"), "anonymous");
        }

        var match = runtime.Spec.Routes.Match(request.Method, request.Segments);
        if (match is null)
        {
            return WithLimits(Reject(request, SimResponse.Error(404, "Not Found"), "no documented operation has this method and path"),
                "anonymous");
        }

        var operation = match.Operation;
        var validation = RequestValidator.Validate(runtime.Spec, request, match);
        using var body = validation.Body;
        if (validation.Rejection is { } rejection)
        {
            return WithLimits(Reject(request, rejection, $"{operation.OperationId}: {validation.Reason}"), "anonymous");
        }

        if (faults.Take(operation.OperationId, operation.Method, operation.Template) is { } fault)
        {
            if (fault.Latency is { } latency)
            {
                await Task.Delay(latency, cancellationToken);
            }

            if (fault.StatusCode is { } status)
            {
                var injected = SimResponse.Raw(status, fault.Body);
                foreach (var (name, value) in fault.Headers)
                {
                    injected.Headers[name] = value;
                }

                return WithLimits(injected, RateKey(request));
            }
        }

        var (credential, authFailure) = authenticator.Authenticate(request, operation);
        if (credential is null)
        {
            return WithLimits(authFailure!, "anonymous");
        }

        var repository = ResolveRepository(match, credential, out var hidden);
        if (hidden)
        {
            return WithLimits(SimResponse.Error(404, "Not Found", operation.DocumentationUrl), credential.RateKey);
        }

        if (limiter.Use(credential.RateKey, spend: false).Snapshot.Remaining == 0)
        {
            var limited = SimResponse.Error(403,
                $"API rate limit exceeded for installation ID {credential.InstallationId}. If you reach out to GitHub Support " +
                "for help, please include the request ID.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
            return WithLimits(limited, credential.RateKey);
        }

        if (handlers.Find(operation.OperationId) is not { } handler)
        {
            return WithLimits(Reject(request, SimResponse.Error(501, $"The GitHub simulator does not implement {operation.OperationId}"),
                $"{operation.OperationId} is documented but not simulated"), credential.RateKey);
        }

        var context = new HandlerContext(runtime, request, match, body?.RootElement, credential, repository, cancellationToken);
        var response = await handler(context);
        if (response.Status is >= 200 and < 300 && operation.SuccessSchema is { } schema && response.Json is not null)
        {
            new SchemaFiller(runtime.Spec, runtime.Now).Fill(schema, response.Json);
        }

        var spend = operation.OperationId != "rate-limit/get";
        if (request.Method == "GET" && response.Status == 200)
        {
            var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(response.Text() ?? string.Empty))) + "\"";
            response.Headers["ETag"] = etag;
            if (request.Header("If-None-Match") is { } presented
                && presented.Split(',').Select(e => e.Trim()).Any(e => e == etag || e == etag[2..] || e == "*"))
            {
                var notModified = SimResponse.Empty(304);
                notModified.Headers["ETag"] = etag;
                response = notModified;
                spend = false;
            }
        }

        var (snapshot, _) = limiter.Use(credential.RateKey, spend);
        snapshot.WriteTo(response);
        return response;
    }

    private RepositoryState? ResolveRepository(RouteMatch match, Credential credential, out bool hidden)
    {
        hidden = false;
        if (!match.PathParameters.TryGetValue("owner", out var owner) || !match.PathParameters.TryGetValue("repo", out var name))
        {
            return null;
        }

        lock (runtime.State.Gate)
        {
            var repository = runtime.State.Repositories.GetValueOrDefault($"{owner}/{name}");
            // The App (JWT) may look repositories up; a token sees only its installation's (or its one) repository.
            var visible = repository is not null
                          && (credential.IsApp || (credential.InstallationId == repository.InstallationId
                                                   && (credential.RepositoryId is null || credential.RepositoryId == repository.Id)));
            hidden = !visible;
            return visible ? repository : null;
        }
    }

    private SimResponse WithLimits(SimResponse response, string rateKey)
    {
        limiter.Use(rateKey, spend: false).Snapshot.WriteTo(response);
        return response;
    }

    private static string RateKey(SimRequest request) =>
        request.Header("Authorization") is { Length: > 7 } auth ? "token:" + auth[(auth.IndexOf(' ', StringComparison.Ordinal) + 1)..] : "anonymous";

    private SimResponse Reject(SimRequest request, SimResponse response, string reason)
    {
        SimulatorLog.Rejected(_logger, request.Method, request.Path, response.Status, reason);
        _rejected.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.Path} → {response.Status}: {reason}"));
        return response;
    }
}
