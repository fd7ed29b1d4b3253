namespace GitBot.Core.Plans;

/// <summary>The outcome of creating a plan: the new plan, or the unfinished plan the issue already had.</summary>
/// <param name="Plan">The plan now active for the issue.</param>
/// <param name="Created">False when an unfinished plan existed (a duplicate trigger) and nothing was created.</param>
public sealed record PlanCreation(PlanRecord Plan, bool Created);
