namespace GitBot.Core.Executors;

/// <summary>Where a repository's agent tasks run (<c>executor:</c> in <c>.github/gitbot.yml</c>).</summary>
public enum ExecutorKind
{
    /// <summary>On GitBot's own worker nodes (the default).</summary>
    Workers,

    /// <summary>On the repository's self-hosted Actions runners: each task is a <c>workflow_dispatch</c> of the GitBot workflow.</summary>
    Actions,
}
