namespace GitBot.Core.Reviews.Gate;

/// <summary>
/// One commit status on the head. Statuses never satisfy a required check (anyone with write access can post one,
/// under any context); they are taken only to say in the summary that a same-named one was ignored.
/// </summary>
/// <param name="Context">The status context, e.g. <c>gitbot/tests</c>.</param>
/// <param name="State"><c>success</c>, <c>failure</c>, <c>error</c> or <c>pending</c>.</param>
/// <param name="CreatorLogin">Who posted it.</param>
public sealed record GateCommitStatus(string Context, string State, string? CreatorLogin);
