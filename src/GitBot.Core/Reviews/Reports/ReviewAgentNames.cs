namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// The names a review agent goes by: its configuration name (<c>security</c>), its check run (<c>gitbot/security</c>),
/// its heading in reviews, and the hidden marker that finds its earlier reviews again. Stable: changing them orphans
/// reviews and checks already posted.
/// </summary>
public static class ReviewAgentNames
{
    /// <summary>The configuration and command name: <c>security</c>, <c>tests</c>, <c>judge</c>.</summary>
    public static string Name(ReviewAgentKind kind) => kind switch
    {
        ReviewAgentKind.Security => "security",
        ReviewAgentKind.Tests => "tests",
        ReviewAgentKind.Judge => "judge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The check run name: <c>gitbot/security</c>, <c>gitbot/tests</c>, <c>gitbot/judge</c>.</summary>
    public static string CheckName(ReviewAgentKind kind) => "gitbot/" + Name(kind);

    /// <summary>The heading of the agent's reviews, e.g. <c>GitBot security review</c>.</summary>
    public static string DisplayName(ReviewAgentKind kind) => kind switch
    {
        ReviewAgentKind.Security => "GitBot security review",
        ReviewAgentKind.Tests => "GitBot test run",
        ReviewAgentKind.Judge => "GitBot judge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The hidden HTML marker that starts the agent's review bodies: <c>&lt;!-- gitbot:review:security --&gt;</c>.</summary>
    public static string Marker(ReviewAgentKind kind) => $"<!-- gitbot:review:{Name(kind)} -->";

    /// <summary>Parses a configuration name (<c>security</c>, <c>tests</c>, <c>judge</c>; case-sensitive).</summary>
    public static bool TryParseName(string? name, out ReviewAgentKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a check run name (<c>gitbot/security</c>, …).</summary>
    public static bool TryParseCheckName(string? checkName, out ReviewAgentKind kind)
    {
        kind = default;
        return checkName is not null && checkName.StartsWith("gitbot/", StringComparison.Ordinal)
            && TryParseName(checkName["gitbot/".Length..], out kind);
    }

    /// <summary>Every agent, in report order.</summary>
    public static IReadOnlyList<ReviewAgentKind> All { get; } = [ReviewAgentKind.Security, ReviewAgentKind.Tests, ReviewAgentKind.Judge];
}
