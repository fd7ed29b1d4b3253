namespace GitBot.Core.Reviews.Runs;

/// <summary>The answer to a request for a review run.</summary>
/// <param name="Run">The record as it is now.</param>
/// <param name="Scheduled">
/// True when this call queued a (new or next) attempt, so the caller must create its check run and schedule its job;
/// false when the head already has a run of this agent that is queued, running or (unless re-run was asked) done.
/// </param>
public sealed record ReviewRunRequest(ReviewRunRecord Run, bool Scheduled);
