namespace GitBot.Workflows.Commands;

/// <summary>What queuing an <c>/agent fix</c> came to.</summary>
public enum FixScheduleStatus
{
    /// <summary>Queued: the pull request had no fix job.</summary>
    Queued,

    /// <summary>This very command (same comment or review) is already queued or running: a redelivery, nothing new.</summary>
    SameCommand,

    /// <summary>Another command with identical instructions is queued or running: coalesced into it, nothing new.</summary>
    Coalesced,

    /// <summary>Another command with different instructions is queued or running: refused, nothing new.</summary>
    Busy,
}
