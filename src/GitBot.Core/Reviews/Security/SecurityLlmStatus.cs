namespace GitBot.Core.Reviews.Security;

/// <summary>How the LLM pass of the security agent went.</summary>
public enum SecurityLlmStatus
{
    /// <summary>Disabled by the repository's configuration; only the deterministic scanners ran.</summary>
    NotRun,

    /// <summary>The model answered with valid findings (possibly none).</summary>
    Completed,

    /// <summary>No valid answer (model error, timeout, invalid JSON after retries): the check fails closed.</summary>
    Failed,
}
