namespace GitBot.Simulator.Git;

/// <summary>A commit a push brought, with what the <c>push</c> webhook reports about it.</summary>
internal sealed record PushedCommit(
    string Sha,
    string Tree,
    string AuthorName,
    string AuthorEmail,
    string AuthorDate,
    string CommitterName,
    string CommitterEmail,
    string CommitterDate,
    string Message,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Modified);
