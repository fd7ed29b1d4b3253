namespace GitBot.Core.Runs;

/// <summary>What an agent run was for.</summary>
public enum AgentRunKind
{
    /// <summary>The planner turning an issue into a task graph.</summary>
    Planner,

    /// <summary>One attempt at one task of a plan.</summary>
    Task,

    /// <summary>A security, test or judge review of a pull request.</summary>
    Review,

    /// <summary>An <c>/agent fix</c> run on a pull request branch.</summary>
    Fix,

    /// <summary>A run answering review feedback on a pull request.</summary>
    Feedback,
}
