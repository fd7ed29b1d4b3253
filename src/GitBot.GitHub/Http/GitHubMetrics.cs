using System.Diagnostics.Metrics;
using System.Globalization;

namespace GitBot.GitHub.Http;

/// <summary>
/// GitHub API instruments on the <c>GitBot</c> meter: every HTTP attempt by method and status (retries count
/// separately, a network failure has no status and is not counted), and the latest <c>x-ratelimit-remaining</c> seen.
/// </summary>
public sealed class GitHubMetrics
{
    private readonly Counter<long> _requests;
    private int _rateLimitRemaining = -1;

    /// <param name="meters">The host's meter factory; a standalone meter without one.</param>
    public GitHubMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create("GitBot") ?? new Meter("GitBot");
        _requests = meter.CreateCounter<long>("gitbot_github_requests_total", null, "GitHub API HTTP attempts by method and status.");
        meter.CreateObservableGauge(
            "gitbot_github_rate_limit_remaining",
            () => Volatile.Read(ref _rateLimitRemaining) is var remaining and >= 0 ? [new Measurement<int>(remaining)] : Array.Empty<Measurement<int>>(),
            null,
            "The x-ratelimit-remaining of the latest GitHub answer that carried it.");
    }

    /// <summary>Records one answered attempt.</summary>
    public void Request(string method, int status, int? rateLimitRemaining)
    {
        _requests.Add(
            1,
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("status", status.ToString(CultureInfo.InvariantCulture)));
        if (rateLimitRemaining is { } remaining)
        {
            Volatile.Write(ref _rateLimitRemaining, Math.Max(0, remaining));
        }
    }
}
