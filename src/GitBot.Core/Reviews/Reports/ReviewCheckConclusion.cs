namespace GitBot.Core.Reviews.Reports;

/// <summary>The conclusion of an agent's check run. Only <see cref="Success"/> satisfies the gate.</summary>
public enum ReviewCheckConclusion
{
    /// <summary>Nothing blocking was found.</summary>
    Success,

    /// <summary>Something blocks the merge, or the review could not be done (fail closed).</summary>
    Failure,

    /// <summary>Nothing to judge (e.g. no test command): reported, but not a success.</summary>
    Neutral,
}
