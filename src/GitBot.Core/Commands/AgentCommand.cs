using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Commands;

/// <summary>
/// One parsed <c>/agent</c> command. Only the field of its verb is set; every argument has passed the verb's strict
/// grammar, and none of it ever reaches a command line (agents get <see cref="Instructions"/> as fenced prompt text).
/// </summary>
/// <param name="Verb">The verb.</param>
/// <param name="Text">The command line as written (invisible characters and HTML comments removed, trimmed; for <c>fix</c> the first line only), for replies; untrusted: sanitize before posting.</param>
/// <param name="Task">For <c>retry</c>: the task id, or null for every failed task.</param>
/// <param name="Instructions">For <c>fix</c>: the instructions (the rest of the line, and following lines of the same paragraph).</param>
/// <param name="Agent">For <c>review</c>: one agent, or null for all the repository's agents.</param>
/// <param name="BudgetUsd">For <c>budget</c>: the new budget in US dollars (what is left is it minus what was spent).</param>
public sealed record AgentCommand(
    AgentVerb Verb,
    string Text,
    string? Task = null,
    string? Instructions = null,
    ReviewAgentKind? Agent = null,
    decimal? BudgetUsd = null);
