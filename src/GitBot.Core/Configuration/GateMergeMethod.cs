namespace GitBot.Core.Configuration;

/// <summary>How the gate merges a pull request (<c>merge</c>, <c>squash</c>, <c>rebase</c>).</summary>
public enum GateMergeMethod
{
    /// <summary>A merge commit.</summary>
    Merge,

    /// <summary>One squashed commit (the default).</summary>
    Squash,

    /// <summary>The commits rebased onto the base branch.</summary>
    Rebase,
}
