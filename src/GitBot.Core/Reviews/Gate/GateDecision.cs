namespace GitBot.Core.Reviews.Gate;

/// <summary>The <c>gitbot/gate</c> outcome for one head commit.</summary>
/// <param name="Green">True exactly when <paramref name="Conclusion"/> is <see cref="GateConclusion.Success"/>.</param>
/// <param name="Conclusion">Success, pending (waiting for something) or failure (something blocks).</param>
/// <param name="Title">One line for the check run title.</param>
/// <param name="Summary">Markdown for the check run summary: what is missing, and which reviews or checks were ignored and why.</param>
/// <param name="Missing">One line per unmet requirement; empty when green.</param>
public sealed record GateDecision(bool Green, GateConclusion Conclusion, string Title, string Summary, IReadOnlyList<string> Missing);
