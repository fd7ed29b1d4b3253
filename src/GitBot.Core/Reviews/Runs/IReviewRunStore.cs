namespace GitBot.Core.Reviews.Runs;

/// <summary>
/// Review agent runs and who pushed each pull request head. Guarantees: at most one record per repository, pull
/// request, head and agent (concurrent requests on any node agree on one); writes that name an attempt apply only
/// while the record is at that attempt and not finished.
/// </summary>
public interface IReviewRunStore
{
    /// <summary>
    /// Queues <paramref name="run"/> unless the head already has it. With <paramref name="again"/> a finished run (completed
    /// or superseded) is queued as its next attempt; a queued or running one is left alone either way.
    /// </summary>
    Task<ReviewRunRequest> RequestAsync(NewReviewRun run, bool again, CancellationToken cancellationToken);

    /// <summary>The run by id, or null.</summary>
    Task<ReviewRunRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every run of a pull request, oldest first.</summary>
    Task<IReadOnlyList<ReviewRunRecord>> ListAsync(string repository, int pullNumber, CancellationToken cancellationToken);

    /// <summary>Records the attempt's check run. False when the run is no longer at that attempt or is finished.</summary>
    Task<bool> SetCheckRunAsync(long id, int attempt, long checkRunId, CancellationToken cancellationToken);

    /// <summary>Queued → running for that attempt (running stays running: a recovered job re-runs). False otherwise.</summary>
    Task<bool> MarkRunningAsync(long id, int attempt, CancellationToken cancellationToken);

    /// <summary>Finishes the attempt as completed with its outcome. False when it was not at that attempt or already finished.</summary>
    Task<bool> CompleteAsync(long id, int attempt, long? reviewId, string conclusion, string title, CancellationToken cancellationToken);

    /// <summary>Finishes the attempt as superseded. False when it was not at that attempt or already finished.</summary>
    Task<bool> SupersedeAsync(long id, int attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every queued or running run of the pull request on a head other than <paramref name="currentHeadSha"/> as
    /// superseded, and returns them as they were (with their attempts), so their jobs can be stopped and checks closed.
    /// </summary>
    Task<IReadOnlyList<ReviewRunRecord>> SupersedeOtherHeadsAsync(string repository, int pullNumber, string currentHeadSha, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="pusher"/> pushed <paramref name="headSha"/> (the first record for a head wins).</summary>
    Task RecordPusherAsync(string repository, string headSha, string pusher, CancellationToken cancellationToken);

    /// <summary>Who pushed <paramref name="headSha"/>, or null when no push event for it was seen.</summary>
    Task<string?> FindPusherAsync(string repository, string headSha, CancellationToken cancellationToken);
}
