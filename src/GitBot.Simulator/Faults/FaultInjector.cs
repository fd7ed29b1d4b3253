using System.Globalization;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.Faults;

/// <summary>
/// Per-route fault injection. Rules are consulted in the order they were added; the first one with uses left fires.
/// Faults are applied after routing and request validation (an invalid request is still rejected and recorded) and
/// before authentication, so a fault answers whatever the credentials.
/// </summary>
public sealed class FaultInjector
{
    private const string RateLimitDocs =
        "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

    private readonly List<FaultRule> _rules = [];
    internal FaultInjector()
    {
    }

    /// <summary>Every rule added so far, used up or not.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_rules)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with this status, headers and JSON body.</summary>
    public FaultRule Respond(string route, int statusCode, IReadOnlyDictionary<string, string>? headers = null,
        string? body = null, int times = 1) =>
        Add(new FaultRule(route, times, statusCode, headers ?? new Dictionary<string, string>(), body, null));

    /// <summary>429 with <c>retry-after</c>.</summary>
    public FaultRule TooManyRequests(string route, int retryAfterSeconds, int times = 1) =>
        Respond(route, 429, Headers(("retry-after", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))),
            Message("API rate limit exceeded", RateLimitDocs), times);

    /// <summary>403 "You have exceeded a secondary rate limit", with <c>retry-after</c> when given.</summary>
    public FaultRule SecondaryRateLimit(string route, int? retryAfterSeconds, int times = 1) =>
        Respond(route, 403,
            retryAfterSeconds is { } s ? Headers(("retry-after", s.ToString(CultureInfo.InvariantCulture))) : Headers(),
            Message("You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
                    "If you reach out to GitHub Support for help, please include the request ID.",
                RateLimitDocs + "#about-secondary-rate-limits"), times);

    /// <summary>403 primary rate limit: <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> at <paramref name="resetAt"/>.</summary>
    public FaultRule PrimaryRateLimit(string route, DateTimeOffset resetAt, int times = 1) =>
        Respond(route, 403,
            Headers(("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-used", "5000"),
                ("x-ratelimit-reset", resetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                ("x-ratelimit-resource", "core")),
            Message("API rate limit exceeded for installation.", RateLimitDocs + "#about-the-primary-rate-limit"), times);

    /// <summary>A server error (500, 502, 503 …) with GitHub's plain error body.</summary>
    public FaultRule ServerError(string route, int statusCode = 500, int times = 1) =>
        Respond(route, statusCode, null, Message(statusCode switch
        {
            502 => "Server Error",
            503 => "Service Unavailable",
            _ => "Internal Server Error",
        }, "https://docs.github.com/rest"), times);

    /// <summary>Delays the next <paramref name="times"/> matching requests, which are then answered normally.</summary>
    public FaultRule Delay(string route, TimeSpan latency, int times = 1) =>
        Add(new FaultRule(route, times, null, new Dictionary<string, string>(), null, latency));

    /// <summary>Drops every rule.</summary>
    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    /// <summary>Claims the first matching rule with uses left, if any.</summary>
    internal FaultRule? Take(string operationId, string method, string template)
    {
        lock (_rules)
        {
            return _rules.FirstOrDefault(r => r.Matches(operationId, method, template) && r.TryFire());
        }
    }

    private FaultRule Add(FaultRule rule)
    {
        lock (_rules)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static string Message(string message, string docs) =>
        new JsonObject { ["message"] = message, ["documentation_url"] = docs }.ToJsonString();
}
