namespace GitBot.Workflows.Commands;

/// <summary>Where an <c>/agent fix</c> stands, as its section of the command's reply says.</summary>
public enum FixReplyState
{
    /// <summary>Waiting for an agent slot.</summary>
    Queued,

    /// <summary>The coding agent is working.</summary>
    Running,

    /// <summary>A commit was pushed to the pull request's branch (now or by an earlier run of the same command).</summary>
    Pushed,

    /// <summary>The agent changed nothing; nothing was pushed.</summary>
    NoChange,

    /// <summary>Nothing was pushed: the agent, git or GitHub failed, or the pull request is no longer one fix works on.</summary>
    Failed,

    /// <summary>The sender's write permission was gone (or could not be checked) when the job started; nothing was spent.</summary>
    Refused,

    /// <summary>The budget was spent when the job started: the agent did not run and nothing was spent.</summary>
    OverBudget,
}
