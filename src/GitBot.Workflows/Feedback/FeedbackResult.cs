namespace GitBot.Workflows.Feedback;

/// <summary>How a feedback run ended.</summary>
public enum FeedbackResult
{
    /// <summary>The agent's fix was committed and pushed to the pull request's branch.</summary>
    Pushed,

    /// <summary>An earlier run for the same review already pushed its fix (found by its trailer); the agent did not run again.</summary>
    AlreadyPushed,

    /// <summary>The agent finished without changing anything.</summary>
    NoChange,

    /// <summary>The branch moved while the agent worked; its fix was not pushed (GitBot never forces).</summary>
    BranchMoved,

    /// <summary>The agent, git or GitHub failed; nothing was pushed.</summary>
    Failed,

    /// <summary>The budget was spent when the run started: the agent did not run.</summary>
    OverBudget,

    /// <summary>Nothing to do any more: the pull request was closed, the review dismissed, or the branch is no longer GitBot's.</summary>
    Skipped,
}
