namespace GitBot.Simulator.Git;

/// <summary>A file changed between two commits, as <c>GET …/pulls/{n}/files</c> reports it.</summary>
internal sealed record GitChangedFile(string Path, string Status, int Additions, int Deletions, string? Patch);
