namespace GitBot.Core.Reviews.Judge;

/// <summary>What the judge's answer held: the verdict, or why it is invalid. Exactly one is set.</summary>
/// <param name="Verdict">The validated verdict.</param>
/// <param name="Error">What is wrong, precise enough to tell the judge on a retry (<c>criteria[1].met must be true or false</c>).</param>
public sealed record JudgeOutput(JudgeVerdict? Verdict, string? Error);
