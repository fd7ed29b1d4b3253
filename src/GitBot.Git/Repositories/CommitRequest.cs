namespace GitBot.Git.Repositories;

/// <summary>
/// What to commit a worktree's changes as. <paramref name="Trailers"/> (e.g. <c>GitBot-Task: 12/3</c>) are appended to
/// the message; keys are letters, digits and '-', values one line. <paramref name="AllowWorkflowChanges"/> permits
/// changes under <c>.github/workflows/</c>, which are refused otherwise.
/// </summary>
public sealed record CommitRequest(string Message, IReadOnlyDictionary<string, string> Trailers, bool AllowWorkflowChanges);
