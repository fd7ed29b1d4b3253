using System.Collections.Concurrent;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Who pushed each head commit, as learnt from <c>pull_request synchronize</c> (its sender is the pusher). Kept in
/// this node's memory only: after a restart, or when another node handled the push, the pusher of a head is unknown
/// and the gate then excludes nobody for having pushed (the author is still excluded). Bounded: when full it is
/// cleared, which only forgets, never invents, a pusher.
/// </summary>
public sealed class LastPusherCache
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, string> _pushers = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string repository, string headSha, string pusherLogin)
    {
        if (_pushers.Count >= Capacity)
        {
            _pushers.Clear();
        }

        _pushers[Key(repository, headSha)] = pusherLogin;
    }

    public string? Find(string repository, string headSha) => _pushers.GetValueOrDefault(Key(repository, headSha));

    private static string Key(string repository, string headSha) => $"{repository}\n{headSha}";
}
