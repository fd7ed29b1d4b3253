namespace GitBot.Core.Reviews.Judge;

/// <summary>The judge agent's validated answer. All text is untrusted model output: scrub and cap before posting.</summary>
/// <param name="Score">0 to 10.</param>
/// <param name="Verdict">Pass, needs work or fail.</param>
/// <param name="Criteria">Each acceptance criterion and whether it is met.</param>
/// <param name="ScopeCreep">Changes beyond what the issue asked ("none" when there are none).</param>
/// <param name="TestsAdded">Whether the change adds or updates tests for what it does.</param>
/// <param name="Risk">How risky the change is.</param>
/// <param name="Reasons">Short reasons for the score, at least one.</param>
public sealed record JudgeVerdict(
    int Score,
    JudgeOutcome Verdict,
    IReadOnlyList<JudgeCriterion> Criteria,
    string ScopeCreep,
    bool TestsAdded,
    JudgeRisk Risk,
    IReadOnlyList<string> Reasons);
