using System.Security.Cryptography;

namespace GitBot.Simulator.AppManifests;

/// <summary>
/// The manifest flow's one-time codes and the Apps created from them. Like GitHub's, a code converts once and expires
/// an hour after it was issued.
/// </summary>
internal sealed class AppManifestStore
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingManifest> _pending = new(StringComparer.Ordinal);
    private readonly List<SimulatedApp> _created = [];

    public IReadOnlyList<SimulatedApp> Created
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    /// <summary>A fresh code for <paramref name="manifestJson"/>, created by <paramref name="ownerLogin"/> (a user or an organization).</summary>
    public string Issue(string manifestJson, string ownerLogin, DateTimeOffset now)
    {
        var code = RandomNumberGenerator.GetHexString(20, lowercase: true);
        lock (_gate)
        {
            _pending[code] = new PendingManifest(manifestJson, ownerLogin, now + CodeLifetime);
        }

        return code;
    }

    /// <summary>Takes the code's manifest (so it cannot be converted twice), or null when it is unknown, used or expired.</summary>
    public PendingManifest? Redeem(string code, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_pending.Remove(code, out var pending))
            {
                return null;
            }

            return pending.ExpiresAt > now ? pending : null;
        }
    }

    public void Record(SimulatedApp app)
    {
        lock (_gate)
        {
            _created.Add(app);
        }
    }
}

/// <summary>A manifest waiting for its code to be converted.</summary>
internal sealed record PendingManifest(string ManifestJson, string OwnerLogin, DateTimeOffset ExpiresAt);
