namespace GitBot.Core.Executors;

/// <summary>
/// One task attempt handed to an Actions runner. Only the SHA-256 of the callback token is kept: whoever reads the
/// database cannot act as the runner.
/// </summary>
/// <param name="PlanId">The plan.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Attempt">The attempt the token is good for (a retry gets a new token).</param>
/// <param name="Repository">owner/name, to find the dispatch from a <c>workflow_run</c> event.</param>
/// <param name="TokenSha256">SHA-256 of the callback token (32 bytes).</param>
/// <param name="DispatchedAt">When the workflow was dispatched.</param>
/// <param name="Deadline">After this the token is refused and the attempt times out.</param>
/// <param name="RunId">The Actions run the runner said it is (its first call), else null.</param>
/// <param name="ReportedAt">When the attempt's outcome was taken (a result, a failed run or the timeout), else null.</param>
public sealed record TaskDispatch(
    long PlanId,
    string TaskId,
    int Attempt,
    string Repository,
    IReadOnlyList<byte> TokenSha256,
    DateTimeOffset DispatchedAt,
    DateTimeOffset Deadline,
    long? RunId,
    DateTimeOffset? ReportedAt);
