namespace GitBot.Simulator.ModelServer;

/// <summary>
/// A conversation whose first user message or system prompt contains <see cref="TextContains"/> (ordinal) is answered
/// with <see cref="Steps"/>, one per model turn: the n-th assistant turn of the conversation plays step n.
/// </summary>
public sealed record ModelRule(string TextContains, IReadOnlyList<ModelStep> Steps);
