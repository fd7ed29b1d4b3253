namespace GitBot.Core.Dashboard;

/// <summary>
/// One review check of a pull request's head as stored in <c>review_runs</c>, named the way GitHub's check runs are.
/// </summary>
/// <param name="Name">The agent in lower case: <c>security</c>, <c>tests</c>, <c>judge</c>.</param>
/// <param name="HeadSha">The head commit it reviewed.</param>
/// <param name="Status"><c>queued</c>, <c>in_progress</c> or <c>completed</c>.</param>
/// <param name="Conclusion">GitHub's conclusion once completed (<c>success</c>, <c>failure</c>, …), else null.</param>
/// <param name="Title">The check's title, when it has one.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ReviewCheck(string Name, string HeadSha, string Status, string? Conclusion, string? Title, DateTimeOffset UpdatedAt);
