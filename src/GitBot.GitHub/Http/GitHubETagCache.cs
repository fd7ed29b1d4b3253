using System.Collections.Concurrent;

namespace GitBot.GitHub.Http;

/// <summary>
/// Remembers the ETag and body of successful GETs per credential identity and URL, so a repeated GET is sent with
/// <c>If-None-Match</c> and a 304 (which GitHub does not count against the rate limit) is served from here. Bounded:
/// past <see cref="Capacity"/> entries the oldest half is dropped.
/// </summary>
public sealed class GitHubETagCache
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _sequence;

    public int Count => _entries.Count;

    /// <summary>The cached answer for this identity and URL: its ETag, body and <c>Link</c> header (a 304 may omit the latter).</summary>
    public bool TryGet(string identity, Uri url, out string etag, out byte[] body, out string? link)
    {
        if (_entries.TryGetValue(Key(identity, url), out var entry))
        {
            etag = entry.ETag;
            body = entry.Body;
            link = entry.Link;
            return true;
        }

        etag = string.Empty;
        body = [];
        link = null;
        return false;
    }

    public void Store(string identity, Uri url, string etag, byte[] body, string? link)
    {
        _entries[Key(identity, url)] = new Entry(etag, body, link, Interlocked.Increment(ref _sequence));
        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    public void Remove(string identity, Uri url) => _entries.TryRemove(Key(identity, url), out _);

    private void Trim()
    {
        foreach (var stale in _entries.OrderBy(e => e.Value.Sequence).Take(_entries.Count - (Capacity / 2)).ToList())
        {
            _entries.TryRemove(stale.Key, out _);
        }
    }

    private static string Key(string identity, Uri url) => identity + " " + url.AbsoluteUri;

    private sealed record Entry(string ETag, byte[] Body, string? Link, long Sequence);
}
