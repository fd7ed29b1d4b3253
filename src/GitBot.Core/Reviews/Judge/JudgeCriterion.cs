namespace GitBot.Core.Reviews.Judge;

/// <summary>One acceptance criterion as the judge assessed it.</summary>
/// <param name="Criterion">The criterion, as quoted by the judge.</param>
/// <param name="Met">Whether the change meets it.</param>
/// <param name="Evidence">Where in the diff (or why not); untrusted model text.</param>
public sealed record JudgeCriterion(string Criterion, bool Met, string Evidence);
