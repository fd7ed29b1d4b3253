using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitBot.GitHub;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Logs;

/// <summary>
/// Signs and checks the log links in plan comments. A link carries an HMAC of its plan and task id, so a task log is
/// served only to someone holding the link GitBot posted on the issue (people who can read the issue), never to
/// anyone who guesses ids. The key is derived from the webhook secret, which every node of a deployment shares and
/// which is never shown; without a secret there are no signed links and the server serves no logs.
/// </summary>
public sealed class TaskLogLinkSigner
{
    private readonly byte[]? _key;

    public TaskLogLinkSigner(IOptions<GitHubOptions> github)
    {
        ArgumentNullException.ThrowIfNull(github);
        var secret = github.Value.WebhookSecret;
        _key = string.IsNullOrEmpty(secret)
            ? null
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("gitbot task log links v1"));
    }

    /// <summary>True when links can be signed (a webhook secret is configured).</summary>
    public bool CanSign => _key is not null;

    /// <summary>The signature of the link to a task's log (hex, 32 characters).</summary>
    public string Sign(long planId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var key = _key ?? throw new InvalidOperationException("No webhook secret is configured: log links cannot be signed.");
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{planId.ToString(CultureInfo.InvariantCulture)}/{taskId}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    /// <summary>Checks a signature in constant time.</summary>
    public bool Verify(long planId, string taskId, string? signature) =>
        _key is not null && signature is { Length: 32 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(planId, taskId)), Encoding.ASCII.GetBytes(signature));
}
