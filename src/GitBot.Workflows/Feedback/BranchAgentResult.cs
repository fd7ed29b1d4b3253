namespace GitBot.Workflows.Feedback;

/// <summary>How a <see cref="BranchAgentStep"/> run ended.</summary>
public enum BranchAgentResult
{
    /// <summary>The agent's commit was pushed to the branch.</summary>
    Pushed,

    /// <summary>The agent changed nothing.</summary>
    NoChange,

    /// <summary>The branch moved on GitHub while the agent worked; nothing was pushed (GitBot never forces).</summary>
    BranchMoved,

    /// <summary>The agent, the commit or the push failed.</summary>
    Failed,
}
