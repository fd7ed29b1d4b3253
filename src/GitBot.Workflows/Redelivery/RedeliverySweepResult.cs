namespace GitBot.Workflows.Redelivery;

/// <summary>What one redelivery sweep found and did.</summary>
/// <param name="Since">The start of the window read from GitHub's delivery log.</param>
/// <param name="ListFailed">The delivery log could not be read; nothing else was done and the window is read again next time.</param>
/// <param name="Failed">Distinct deliveries (by GUID) whose every attempt in the window failed.</param>
/// <param name="AlreadyStored">Of those, how many GitBot had stored anyway (so GitHub's failure was only the answer).</param>
/// <param name="Requested">Redeliveries asked for and accepted by GitHub.</param>
/// <param name="RequestsFailed">Redeliveries GitHub refused or that could not be asked for; retried by the next sweep.</param>
public sealed record RedeliverySweepResult(
    DateTimeOffset Since,
    bool ListFailed,
    int Failed,
    int AlreadyStored,
    int Requested,
    int RequestsFailed);
