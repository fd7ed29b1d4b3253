namespace GitBot.Core.Reviews.Gate;

/// <summary>A pull request review's state as GitHub reports it (<c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, ...).</summary>
public enum GateReviewState
{
    /// <summary><c>COMMENTED</c>: never an approval, whatever the text says ("LGTM" included).</summary>
    Commented,

    /// <summary><c>APPROVED</c>.</summary>
    Approved,

    /// <summary><c>CHANGES_REQUESTED</c>.</summary>
    ChangesRequested,

    /// <summary><c>DISMISSED</c>: GitHub rewrites a dismissed approval or change request to this state; it counts as neither.</summary>
    Dismissed,

    /// <summary><c>PENDING</c>: a draft review not yet submitted; ignored.</summary>
    Pending,
}
