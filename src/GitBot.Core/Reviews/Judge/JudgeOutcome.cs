namespace GitBot.Core.Reviews.Judge;

/// <summary>The judge's verdict (<c>"pass"</c>, <c>"needs_work"</c>, <c>"fail"</c>).</summary>
public enum JudgeOutcome
{
    /// <summary><c>pass</c>: does what the issue asks.</summary>
    Pass,

    /// <summary><c>needs_work</c>: on the way, but criteria are unmet or something must change.</summary>
    NeedsWork,

    /// <summary><c>fail</c>: does not address the issue, or is harmful.</summary>
    Fail,
}
