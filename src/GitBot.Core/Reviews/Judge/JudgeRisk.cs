namespace GitBot.Core.Reviews.Judge;

/// <summary>How risky the judge thinks the change is (<c>"low"</c>, <c>"medium"</c>, <c>"high"</c>).</summary>
public enum JudgeRisk
{
    /// <summary><c>low</c>.</summary>
    Low,

    /// <summary><c>medium</c>.</summary>
    Medium,

    /// <summary><c>high</c>.</summary>
    High,
}
