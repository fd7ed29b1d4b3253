using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Issues;

/// <summary>
/// GitBot's own issue comments, found again by the hidden marker each one carries (<c>&lt;!-- gitbot:… --&gt;</c>).
/// Guarantee: a comment written through <see cref="UpsertAsync"/> exists at most once per marker, even when the job
/// writing it runs again after a crash — the second run finds the first run's comment and edits it.
/// </summary>
public static class IssueCommentWriter
{
    /// <summary>The issue's comments that carry <paramref name="marker"/>, oldest first (empty when they cannot be listed).</summary>
    public static async Task<IReadOnlyList<GitHubIssueComment>> FindAsync(
        GitHubClient client, RepositoryName repo, int issue, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var listed = await client.Issues.ListCommentsAsync(repo.Owner, repo.Name, issue, cancellationToken);
        return listed.TryGetValue(out var comments)
            ? [.. comments.Where(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true)]
            : [];
    }

    /// <summary>Edits the comment carrying <paramref name="marker"/> to <paramref name="body"/> (which must contain it), or posts it.</summary>
    public static async Task UpsertAsync(
        GitHubClient client, RepositoryName repo, int issue, string marker, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var found = await FindAsync(client, repo, issue, marker, cancellationToken);
        var existing = found.Count > 0 ? found[0] : null;
        if (existing is null)
        {
            await client.Issues.CreateCommentAsync(repo.Owner, repo.Name, issue, body, cancellationToken);
        }
        else if (existing.Body != body)
        {
            await client.Issues.UpdateCommentAsync(repo.Owner, repo.Name, existing.Id, body, cancellationToken);
        }
    }
}
