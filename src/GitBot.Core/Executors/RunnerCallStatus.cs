namespace GitBot.Core.Executors;

/// <summary>How GitBot answers a runner's call.</summary>
public enum RunnerCallStatus
{
    /// <summary>Accepted.</summary>
    Ok,

    /// <summary>No such dispatch, a wrong token, or past its deadline (401: nothing to learn about ids).</summary>
    Unauthorized,

    /// <summary>The token is right but the task is no longer running at that attempt (cancelled, timed out, reported): 409.</summary>
    Gone,

    /// <summary>The request itself is malformed: 400.</summary>
    Invalid,
}
