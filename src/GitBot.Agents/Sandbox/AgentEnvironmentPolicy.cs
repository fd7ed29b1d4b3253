using System.Text.RegularExpressions;

namespace GitBot.Agents.Sandbox;

/// <summary>
/// Decides the environment an agent process gets. Guarantee (DESIGN.md, security model): an agent never receives a
/// GitHub token, the App's key, a database password or any of GitBot's own settings, even when a repository's
/// configuration asks to pass them through. Only the variables a backend needs (e.g. the model API key and base URL)
/// plus explicitly allowed, non-secret names reach it; everything else is dropped and reported.
/// </summary>
public static partial class AgentEnvironmentPolicy
{
    /// <summary>Builds the environment from <paramref name="source"/> (usually this process's environment).</summary>
    /// <param name="backendVariables">Variables the backend itself needs, e.g. <c>ANTHROPIC_API_KEY</c>; secrets allowed.</param>
    /// <param name="passThrough">Names a repository's role config asks for; never secrets, never GitBot's own.</param>
    /// <param name="source">Where values are read from.</param>
    public static AgentEnvironment Build(
        IReadOnlyCollection<string> backendVariables,
        IReadOnlyCollection<string> passThrough,
        IReadOnlyDictionary<string, string> source)
    {
        var granted = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var name in backendVariables)
        {
            if (IsForbidden(name))
            {
                refused.Add(name);
            }
            else if (source.TryGetValue(name, out var value))
            {
                granted[name] = value;
            }
        }

        foreach (var name in passThrough)
        {
            if (IsForbidden(name) || LooksSecret(name))
            {
                refused.Add(name);
            }
            else if (source.TryGetValue(name, out var value))
            {
                granted[name] = value;
            }
        }

        return new AgentEnvironment(granted, refused.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Never given to an agent, whoever asks: GitHub credentials, GitBot's own settings, database access.</summary>
    public static bool IsForbidden(string name) => Forbidden().IsMatch(name);

    /// <summary>Names that look like they hold a secret; a repository cannot pass these through.</summary>
    public static bool LooksSecret(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"^(?:GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_PAT|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|GITBOT_.*|PG(?:PASSWORD|PASSFILE|SERVICEFILE)|DATABASE_URL|SSH_AUTH_SOCK|.*_PRIVATE_KEY(?:_PATH)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|AUTH)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
