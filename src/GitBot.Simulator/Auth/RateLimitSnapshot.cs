using GitBot.Simulator.Http;

namespace GitBot.Simulator.Auth;

/// <summary>One credential's budget at a moment, as the <c>x-ratelimit-*</c> headers report it.</summary>
internal sealed record RateLimitSnapshot(int Limit, int Used, DateTimeOffset ResetAt)
{
    public int Remaining => Math.Max(0, Limit - Used);

    public void WriteTo(SimResponse response)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        response.Headers.TryAdd("x-ratelimit-limit", Limit.ToString(c));
        response.Headers.TryAdd("x-ratelimit-remaining", Remaining.ToString(c));
        response.Headers.TryAdd("x-ratelimit-reset", ResetAt.ToUnixTimeSeconds().ToString(c));
        response.Headers.TryAdd("x-ratelimit-used", Used.ToString(c));
        response.Headers.TryAdd("x-ratelimit-resource", "core");
    }
}
