namespace GitBot.Core.Reviews.TestResults;

/// <summary>What a results file or a runner's output held: a summary, or why none could be read. Exactly one is set.</summary>
/// <param name="Summary">The counts and first failures.</param>
/// <param name="Error">Why nothing could be read (malformed XML, an unknown root element, no summary line).</param>
public sealed record TestResultsParse(TestRunSummary? Summary, string? Error)
{
    internal static TestResultsParse Fail(string error) => new(null, error);
}
