using GitBot.Core.Text;

namespace GitBot.Core.Reviews.TestResults;

/// <summary>Caps on what a parsed test run keeps, so a flood of failures cannot bloat a check run or review.</summary>
public static class TestResultLimits
{
    /// <summary>Failures kept with their details; the count still includes all of them.</summary>
    public const int MaxFailures = 10;

    /// <summary>Characters kept of each failure's output (and of its message).</summary>
    public const int MaxOutputChars = 4096;

    internal const string TruncatedMarker = "\n[... truncated]";

    /// <summary>Scrubs secrets, then caps at <see cref="MaxOutputChars"/>. Scrubbing first means a cut cannot split a token into an unrecognisable (and so unredacted) prefix.</summary>
    internal static string Cap(string text)
    {
        var scrubbed = SecretScrubber.Scrub(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        return scrubbed.Length <= MaxOutputChars ? scrubbed : scrubbed[..MaxOutputChars] + TruncatedMarker;
    }

    internal static string? CapOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Cap(text);

    internal static void Add(List<TestFailure> failures, string name, string? message, string? output)
    {
        // A runner may name a failure twice (jest's closing "summary of all failing tests"): keep the first.
        var capped = Cap(name);
        if (failures.Count < MaxFailures && !failures.Exists(f => string.Equals(f.Name, capped, StringComparison.Ordinal)))
        {
            failures.Add(new TestFailure(capped, Cap(message ?? string.Empty), CapOrNull(output)));
        }
    }
}
