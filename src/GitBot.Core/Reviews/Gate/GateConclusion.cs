namespace GitBot.Core.Reviews.Gate;

/// <summary>How the <c>gitbot/gate</c> check run ends.</summary>
public enum GateConclusion
{
    /// <summary>Everything required is there: the PR may merge at the evaluated head.</summary>
    Success,

    /// <summary>Something is still to come (an agent check running or not reported, approvals missing).</summary>
    Pending,

    /// <summary>Something is blocking and needs action (an agent check failed, a person requested changes).</summary>
    Failure,
}
