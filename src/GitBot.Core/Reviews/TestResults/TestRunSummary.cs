namespace GitBot.Core.Reviews.TestResults;

/// <summary>Counts of a test run and its first failures.</summary>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed or errored (all of them, even beyond the listed <paramref name="Failures"/>).</param>
/// <param name="Skipped">Tests skipped, ignored or not executed.</param>
/// <param name="Failures">The first failures, at most <see cref="TestResultLimits.MaxFailures"/>, in report order.</param>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped, IReadOnlyList<TestFailure> Failures)
{
    /// <summary>Passed + failed + skipped.</summary>
    public int Total => Passed + Failed + Skipped;
}
