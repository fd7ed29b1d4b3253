using GitBot.Core.Text;

namespace GitBot.Core.Reviews.Gate;

/// <summary>
/// The last <c>gitbot/gate</c> decision GitBot wrote for a pull request, as stored for the dashboard (one per PR).
/// </summary>
/// <param name="Repository">"owner/name".</param>
/// <param name="PullNumber">The pull request.</param>
/// <param name="HeadSha">The head commit the decision was made for.</param>
/// <param name="Conclusion">Success, pending or failure.</param>
/// <param name="Summary">What is missing (one line each), scrubbed, at most <see cref="MaxSummaryChars"/> characters.</param>
/// <param name="UpdatedAt">When it was last written.</param>
public sealed record GateRecord(string Repository, int PullNumber, string HeadSha, GateConclusion Conclusion, string Summary, DateTimeOffset UpdatedAt)
{
    /// <summary>The most characters of <see cref="Summary"/> that are stored.</summary>
    public const int MaxSummaryChars = 2000;

    /// <summary>
    /// The stored summary of <paramref name="decision"/>: its missing requirements, one per line, or its title when
    /// nothing is missing (green). Scrubbed of secrets and cut to <see cref="MaxSummaryChars"/>.
    /// </summary>
    public static string SummaryOf(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Clean(decision.Missing.Count > 0 ? string.Join('\n', decision.Missing) : decision.Title);
    }

    /// <summary>Scrubs <paramref name="summary"/> and cuts it to <see cref="MaxSummaryChars"/> (ending in "…" when cut).</summary>
    public static string Clean(string summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var scrubbed = SecretScrubber.Scrub(summary);
        return scrubbed.Length <= MaxSummaryChars ? scrubbed : scrubbed[..(MaxSummaryChars - 1)] + "…";
    }
}
