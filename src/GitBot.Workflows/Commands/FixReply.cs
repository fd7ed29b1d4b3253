using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The <c>/agent fix</c> part of a command's reply: a section between hidden markers naming the command's source and
/// its <see cref="FixReplyState"/>, which the job edits in place (the rest of the reply, other commands' outcomes, is
/// left as the intake wrote it). Guarantees: the text put in a section is the caller's, already sanitized; a finished
/// section (<see cref="IsFinal"/>) tells a redelivered command and a re-run job that the command has been answered.
/// </summary>
public static class FixReply
{
    /// <summary>The section for source <paramref name="sourceId"/> in <paramref name="state"/>, holding <paramref name="text"/>.</summary>
    public static string Section(long sourceId, FixReplyState state, string text)
    {
        var id = sourceId.ToString(CultureInfo.InvariantCulture);
        return $"<!-- gitbot:fix:{id}:{state.ToString().ToLowerInvariant()} -->\n{text.Trim()}\n<!-- gitbot:fix-end:{id} -->";
    }

    /// <summary>True for the states after which nothing more happens.</summary>
    public static bool IsFinal(FixReplyState state) => state is not (FixReplyState.Queued or FixReplyState.Running);

    /// <summary>The first section for <paramref name="sourceId"/> in <paramref name="body"/>: its state and its whole text, or null.</summary>
    public static (FixReplyState State, string Section)? Find(string? body, long sourceId)
    {
        var match = SectionPattern(sourceId).Match(body ?? string.Empty);
        return match.Success && Enum.TryParse<FixReplyState>(match.Groups["state"].Value, ignoreCase: true, out var state)
            ? (state, match.Value)
            : null;
    }

    /// <summary>The section of <paramref name="request"/>'s command in its reply now, or null (no reply yet, or GitHub did not answer).</summary>
    public static async Task<(FixReplyState State, string Section)?> ReadAsync(GitHubClient client, FixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var replies = await IssueCommentWriter.FindAsync(client, RepositoryName.Parse(request.Repository), request.PullNumber,
            CommandReplyRenderer.Marker(request.Source, request.SourceId), cancellationToken);
        return replies.Select(r => Find(r.Body, request.SourceId)).FirstOrDefault(s => s is not null);
    }

    /// <summary>
    /// Rewrites every section of the command in its reply to <paramref name="state"/> and <paramref name="text"/>. The
    /// intake writes the reply after the command was queued, so a job that starts at once may find none yet: it waits for
    /// it (up to <paramref name="wait"/>). When there is still none, a reply holding just this section is posted, so the
    /// result is never lost. False when GitHub refused the edit.
    /// </summary>
    public static async Task<bool> WriteAsync(GitHubClient client, FixRequest request, FixReplyState state, string text, TimeProvider time,
        TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var repo = RepositoryName.Parse(request.Repository);
        var marker = CommandReplyRenderer.Marker(request.Source, request.SourceId);
        var section = Section(request.SourceId, state, text);
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var replies = await IssueCommentWriter.FindAsync(client, repo, request.PullNumber, marker, cancellationToken);
            var reply = replies.FirstOrDefault(r => Find(r.Body, request.SourceId) is not null);
            if (reply is not null)
            {
                var body = SectionPattern(request.SourceId).Replace(reply.Body!, _ => section);
                if (string.Equals(body, reply.Body, StringComparison.Ordinal))
                {
                    return true;
                }

                var updated = await client.Issues.UpdateCommentAsync(repo.Owner, repo.Name, reply.Id, body, cancellationToken);
                return updated.IsSuccess;
            }

            if (time.GetUtcNow() >= deadline)
            {
                await IssueCommentWriter.UpsertAsync(client, repo, request.PullNumber, marker, $"{marker}\n{section}\n", cancellationToken);
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }

    private static Regex SectionPattern(long sourceId)
    {
        var id = sourceId.ToString(CultureInfo.InvariantCulture);
        return new Regex($@"<!-- gitbot:fix:{id}:(?<state>[a-z]+) -->.*?<!-- gitbot:fix-end:{id} -->",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
