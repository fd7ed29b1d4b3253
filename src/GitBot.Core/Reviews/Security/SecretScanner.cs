using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Finds credentials on the ADDED lines of a diff (removed and context lines are never reported: removing a secret is
/// the fix, and an unchanged line is not this change's doing). Known token formats are Critical; a secret-looking
/// assignment (<c>password = "…"</c>, <c>api_key: …</c>) whose value is at least <see cref="MinimumGenericLength"/>
/// characters with Shannon entropy of at least <see cref="EntropyThreshold"/> bits per character is High, unless the
/// value is an obvious placeholder. All are blocking. Messages show only a redacted form of the value.
/// </summary>
public static partial class SecretScanner
{
    /// <summary>Bits per character a generic assigned value needs to count as a secret.</summary>
    public const double EntropyThreshold = 3.5;

    /// <summary>Shortest generic assigned value that counts as a secret.</summary>
    public const int MinimumGenericLength = 16;

    private const string RotateAdvice =
        "Remove it from the change, revoke or rotate it (it is in the branch history now), and load it from a secret store or an environment variable.";

    private static readonly (string Rule, string Name, Func<Regex> Pattern)[] KnownFormats =
    [
        (SecurityRules.GitHubToken, "A GitHub token", GitHubToken),
        (SecurityRules.AwsAccessKeyId, "An AWS access key id", AwsAccessKeyId),
        (SecurityRules.AwsSecretAccessKey, "An AWS secret access key", AwsSecretAccessKey),
        (SecurityRules.SlackToken, "A Slack token or webhook", SlackToken),
        (SecurityRules.StripeKey, "A Stripe live key", StripeKey),
        (SecurityRules.AnthropicKey, "An Anthropic API key", AnthropicKey),
        (SecurityRules.OpenAiKey, "An OpenAI-style API key", OpenAiKey),
    ];

    private static readonly string[] Placeholders =
    [
        "changeme", "change_me", "change-me", "placeholder", "example", "your_", "your-", "yourpassword", "yoursecret",
        "xxx", "***", "...", "…", "dummy", "redacted", "sample", "replace", "insert", "todo", "fake", "secrets.", "env.",
    ];

    private static readonly string[] ConfigExtensions = [".env", ".ini", ".properties", ".yml", ".yaml", ".cfg", ".conf", ".toml"];

    /// <summary>Findings for every added line of <paramref name="diff"/>, in diff order.</summary>
    public static IReadOnlyList<SecurityFinding> Scan(ParsedDiff diff)
    {
        var findings = new List<SecurityFinding>();
        foreach (var file in diff.Files)
        {
            var unquotedAllowed = AllowsUnquotedValues(file.Path);
            foreach (var line in file.AddedLines)
            {
                ScanLine(file.Path, line.NewLine!.Value, line.Text, unquotedAllowed, findings);
            }
        }

        return findings;
    }

    private static void ScanLine(string path, int lineNumber, string text, bool unquotedAllowed, List<SecurityFinding> findings)
    {
        var known = new List<(int Start, int End)>();
        var key = PrivateKeyHeader().Match(text);
        if (key.Success)
        {
            known.Add((key.Index, text.Length));
            findings.Add(new SecurityFinding(SecurityRules.PrivateKey, Severity.Critical, path, lineNumber,
                $"A private key block (`{key.Value}`) is added on this line.", RotateAdvice, Blocking: true));
        }

        foreach (var (rule, name, pattern) in KnownFormats)
        {
            foreach (Match match in pattern().Matches(text))
            {
                var secret = match.Groups["s"].Success ? match.Groups["s"] : (Group)match;
                if (rule == SecurityRules.OpenAiKey && !secret.Value.Any(char.IsAsciiDigit))
                {
                    continue;
                }

                known.Add((secret.Index, secret.Index + secret.Length));
                findings.Add(new SecurityFinding(rule, Severity.Critical, path, lineNumber,
                    $"{name} (`{Redaction.Redact(secret.Value)}`) is added on this line.", RotateAdvice, Blocking: true));
            }
        }

        foreach (Match match in Assignment().Matches(text))
        {
            var value = match.Groups["v"];
            var quoted = match.Groups["q"].Success;
            if ((!quoted && !unquotedAllowed) || known.Any(k => value.Index < k.End && k.Start < value.Index + value.Length))
            {
                continue;
            }

            var entropy = Redaction.Entropy(value.Value);
            if (value.Length < MinimumGenericLength || entropy < EntropyThreshold || IsPlaceholder(value.Value))
            {
                continue;
            }

            var name = match.Groups["k"].Value;
            name = name.Length > 40 ? name[..40] + "…" : name;
            findings.Add(new SecurityFinding(SecurityRules.GenericSecret, Severity.High, path, lineNumber,
                string.Create(CultureInfo.InvariantCulture,
                    $"`{name}` is assigned what looks like a secret (`{Redaction.Redact(value.Value)}`, {value.Length} characters, entropy {entropy:0.0} bits/char)."),
                RotateAdvice + " If it is not a secret, use an obvious placeholder or read it from configuration.", Blocking: true));
        }
    }

    /// <summary>True for values that stand for a secret rather than being one (<c>changeme</c>, <c>${VAR}</c>, <c>&lt;token&gt;</c>).</summary>
    internal static bool IsPlaceholder(string value)
    {
        if (value.Length == 0 || value[0] is '$' or '%' or '<' or '{' || value.Contains("${", StringComparison.Ordinal)
            || value.Contains("{{", StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal)
            || value.Any(char.IsWhiteSpace) || value.All(c => c == value[0]))
        {
            return true;
        }

        return Placeholders.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool AllowsUnquotedValues(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.StartsWith(".env", StringComparison.Ordinal)
            || ConfigExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")]
    private static partial Regex PrivateKeyHeader();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?i)aws_?secret_?(?:access_?)?key[\w]*[""']?\s*(?::=|=>|[:=])\s*[""']?(?<s>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/[A-Za-z0-9/_-]{20,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:sk|rk)_live_[A-Za-z0-9]{20,}")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}")]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex OpenAiKey();

    // key, an optional closing quote of the key, an assignment operator, then a quoted or (config files only) bare value.
    [GeneratedRegex(@"(?i)(?<k>[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?)[A-Za-z0-9_.-]*)[""']?\s*(?::=|=>|:|=)\s*(?:(?<q>[""'`])(?<v>[^""'`\r\n]*)\k<q>|(?<v>[^\s""'`,;#]+))")]
    private static partial Regex Assignment();
}
