namespace GitBot.Simulator.Faults;

/// <summary>
/// One injected fault: for the next <see cref="Remaining"/> requests matching <see cref="Route"/> (an operationId such
/// as <c>issues/create-comment</c>, or <c>METHOD /path/{template}</c>), answer with <see cref="StatusCode"/>,
/// <see cref="Headers"/> and <see cref="Body"/>, or, when <see cref="Latency"/> is set, delay and then answer normally.
/// </summary>
public sealed class FaultRule
{
    private int _remaining;
    private int _fired;

    internal FaultRule(string route, int times, int? statusCode, IReadOnlyDictionary<string, string> headers, string? body,
        TimeSpan? latency)
    {
        Route = route;
        _remaining = times;
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        Latency = latency;
    }

    /// <summary>The operationId or <c>METHOD /template</c> this rule matches.</summary>
    public string Route { get; }

    /// <summary>The status returned instead of the real answer; null for a pure latency rule.</summary>
    public int? StatusCode { get; }

    /// <summary>Headers sent with the fault (they win over the simulator's own, e.g. <c>x-ratelimit-remaining: 0</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The JSON body sent with the fault.</summary>
    public string? Body { get; }

    /// <summary>Delay added before answering.</summary>
    public TimeSpan? Latency { get; }

    /// <summary>How many more requests this rule will hit.</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>How many requests this rule has hit so far.</summary>
    public int Fired => Volatile.Read(ref _fired);

    internal bool Matches(string operationId, string method, string template) =>
        Route == operationId || Route == $"{method} {template}";

    /// <summary>Claims one use; false once the rule is used up (safe under concurrent requests).</summary>
    internal bool TryFire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                Interlocked.Increment(ref _fired);
                return true;
            }
        }
    }
}
