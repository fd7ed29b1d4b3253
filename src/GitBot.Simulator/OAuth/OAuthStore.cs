using System.Globalization;
using System.Security.Cryptography;

namespace GitBot.Simulator.OAuth;

/// <summary>
/// The App's OAuth client (id and secret), the simulated people who may sign in with their repository access, one-time
/// authorization codes (10 minutes, as GitHub's) and user tokens (<c>ghu_…</c>, 8 hours). Thread-safe through one lock.
/// </summary>
internal sealed class OAuthStore(long appId, TimeProvider time)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Login, string? RedirectUri, DateTimeOffset ExpiresAt)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Login, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The App's OAuth client id, in GitHub's <c>Iv1.</c> form (the same value the App object shows).</summary>
    public string ClientId { get; } = "Iv1." + appId.ToString("x12", CultureInfo.InvariantCulture);

    public string ClientSecret { get; } = RandomNumberGenerator.GetHexString(40, lowercase: true);

    public IReadOnlyList<string> Logins
    {
        get
        {
            lock (_gate)
            {
                return [.. _users.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Adds <paramref name="login"/> or replaces the repositories ("owner/name") they can access.</summary>
    public void SetUser(string login, IEnumerable<string> repositories)
    {
        lock (_gate)
        {
            _users[login] = new HashSet<string>(repositories, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The repositories <paramref name="login"/> can access, or null for an unknown person.</summary>
    public IReadOnlySet<string>? RepositoriesOf(string login)
    {
        lock (_gate)
        {
            return _users.TryGetValue(login, out var repositories) ? new HashSet<string>(repositories, StringComparer.OrdinalIgnoreCase) : null;
        }
    }

    public bool IsUser(string login)
    {
        lock (_gate)
        {
            return _users.ContainsKey(login);
        }
    }

    public string IssueCode(string login, string? redirectUri)
    {
        var code = RandomNumberGenerator.GetHexString(20, lowercase: true);
        lock (_gate)
        {
            _codes[code] = (login, redirectUri, time.GetUtcNow() + CodeLifetime);
        }

        return code;
    }

    /// <summary>
    /// Consumes <paramref name="code"/> (one use, even when the exchange then fails, as GitHub's) and returns the login
    /// it was issued to, or null when it is unknown, used or expired, or <paramref name="redirectUri"/> differs.
    /// </summary>
    public string? Redeem(string? code, string? redirectUri)
    {
        if (code is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_codes.Remove(code, out var issued) || issued.ExpiresAt <= time.GetUtcNow())
            {
                return null;
            }

            return redirectUri is null || issued.RedirectUri is null || string.Equals(redirectUri, issued.RedirectUri, StringComparison.Ordinal)
                ? issued.Login
                : null;
        }
    }

    public (string Token, TimeSpan Lifetime) IssueToken(string login)
    {
        var token = "ghu_" + RandomNumberGenerator.GetString(Alphabet, 36);
        lock (_gate)
        {
            _tokens[token] = (login, time.GetUtcNow() + TokenLifetime);
        }

        return (token, TokenLifetime);
    }

    /// <summary>The login of an unexpired user token, or null.</summary>
    public string? LoginOf(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued.Login : null;
        }
    }

    /// <summary>Expires every code and token at once (tests of the "expired" paths).</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _codes.Clear();
            _tokens.Clear();
        }
    }
}
