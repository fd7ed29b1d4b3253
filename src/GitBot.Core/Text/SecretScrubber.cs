using System.Text.RegularExpressions;

namespace GitBot.Core.Text;

/// <summary>
/// Removes anything that looks like a credential from text GitBot is about to log or post to GitHub (agent output,
/// error messages, logs shown to users). Guarantee: every match of a known token format, private key block or
/// secret-looking assignment is replaced by <c>[REDACTED]</c>; text is otherwise unchanged. False positives are
/// acceptable, leaks are not.
/// </summary>
public static partial class SecretScrubber
{
    public const string Redacted = "[REDACTED]";

    /// <summary>Returns <paramref name="text"/> with secrets replaced.</summary>
    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var scrubbed = PrivateKeyBlock().Replace(text, Redacted);
        scrubbed = KnownTokens().Replace(scrubbed, Redacted);
        scrubbed = BearerHeader().Replace(scrubbed, m => m.Groups[1].Value + Redacted);
        scrubbed = UrlCredentials().Replace(scrubbed, m => m.Groups[1].Value + Redacted + "@");
        return SecretAssignment().Replace(scrubbed, m => m.Groups[1].Value + Redacted);
    }

    /// <summary>True when <see cref="Scrub"/> would change the text.</summary>
    public static bool ContainsSecret(string text) => !string.Equals(Scrub(text), text, StringComparison.Ordinal);

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKeyBlock();

    // GitHub (classic, fine-grained, App installation/user/refresh), AWS access keys, Anthropic/OpenAI keys, Slack tokens, JWTs.
    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{22,255}|(?:AKIA|ASIA)[0-9A-Z]{16}|sk-(?:ant-)?[A-Za-z0-9_\-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})")]
    private static partial Regex KnownTokens();

    [GeneratedRegex(@"(?i)(\b(?:authorization:\s*)?(?:bearer|token|basic)\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{16,}")]
    private static partial Regex BearerHeader();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://)[^\s/@:]+:[^\s/@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(\b[\w.-]*(?:secret|password|passwd|pwd|token|api[_-]?key|private[_-]?key|access[_-]?key|client[_-]?secret)[\w.-]*[""']?\s*[:=]\s*[""']?)(?!\[REDACTED\])[^\s""',;]{6,}")]
    private static partial Regex SecretAssignment();
}
