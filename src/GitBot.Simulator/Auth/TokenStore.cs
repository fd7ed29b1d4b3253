using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GitBot.Simulator.Auth;

/// <summary>Installation tokens (<c>ghs_…</c>) with their expiry; thread-safe.</summary>
internal sealed class TokenStore
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public int Issued => Volatile.Read(ref _issued);

    public IssuedToken Issue(long installationId, long? repositoryId, DateTimeOffset expiresAt, bool isActions = false)
    {
        var token = new IssuedToken("ghs_" + RandomNumberGenerator.GetString(Alphabet, 36), installationId, repositoryId, expiresAt, isActions);
        _tokens[token.Token] = token;
        Interlocked.Increment(ref _issued);
        return token;
    }

    /// <summary>The token when it exists and has not expired at <paramref name="now"/>.</summary>
    public IssuedToken? Find(string token, DateTimeOffset now) =>
        _tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > now ? issued : null;

    public void RevokeAll() => _tokens.Clear();
}
