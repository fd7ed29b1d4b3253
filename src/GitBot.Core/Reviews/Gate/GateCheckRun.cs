namespace GitBot.Core.Reviews.Gate;

/// <summary>One check run on the pull request's commits, as listed by GitHub.</summary>
/// <param name="Id">The check run id; when one App reported the same name twice on a commit, the higher id (the newer run) wins.</param>
/// <param name="Name">The check name, e.g. <c>gitbot/tests</c>.</param>
/// <param name="HeadSha">The commit it ran on.</param>
/// <param name="AppId">The id of the GitHub App that created it; null when unknown (never GitBot's then).</param>
/// <param name="Status">GitHub's status: <c>queued</c>, <c>in_progress</c>, <c>completed</c> (or <c>waiting</c>, <c>requested</c>, <c>pending</c>).</param>
/// <param name="Conclusion">GitHub's conclusion once completed: <c>success</c>, <c>failure</c>, <c>neutral</c>, <c>cancelled</c>, <c>skipped</c>, <c>timed_out</c>, <c>action_required</c>, <c>stale</c>.</param>
public sealed record GateCheckRun(long Id, string Name, string HeadSha, long? AppId, string Status, string? Conclusion);
