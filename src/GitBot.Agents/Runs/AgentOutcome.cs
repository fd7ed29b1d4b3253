namespace GitBot.Agents.Runs;

/// <summary>How an agent run ended.</summary>
public enum AgentOutcome
{
    /// <summary>The agent finished its work and reported success.</summary>
    Succeeded,

    /// <summary>The agent exited non-zero or reported an error.</summary>
    Failed,

    /// <summary>It ran past its time limit; its process tree was killed.</summary>
    TimedOut,

    /// <summary>It was cancelled (plan cancelled, node stopping); its process tree was killed.</summary>
    Cancelled,

    /// <summary>It hit its turn limit before finishing.</summary>
    MaxTurnsExceeded,

    /// <summary>It hit its spend limit before finishing.</summary>
    BudgetExceeded,

    /// <summary>The agent executable could not be started (missing, not executable).</summary>
    FailedToStart,
}
