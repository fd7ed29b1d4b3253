using System.Globalization;

namespace GitBot.Workflows.Commands;

/// <summary>
/// One accepted <c>/agent fix</c>, as its job carries it: ids, the sender (asked for write permission again when the
/// job starts) and the instructions (untrusted text, only ever given to the agent as fenced prompt text). The job
/// reads the pull request from the API when it runs, so a job recovered later acts on the pull request as it is then.
/// </summary>
/// <param name="DeliveryId">The webhook delivery that carried the command (for logs).</param>
/// <param name="InstallationId">The App installation whose token acts on the repository.</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="PullNumber">The GitBot pull request the fix goes to.</param>
/// <param name="Source">A comment or a review body.</param>
/// <param name="SourceId">The comment's or review's id: the command's reply and the commit trailer are found by it.</param>
/// <param name="Sender">Who asked.</param>
/// <param name="Instructions">What to change, as written (untrusted).</param>
/// <param name="DefaultBranch">The repository's default branch: configuration is read from it, and it is never pushed to.</param>
/// <param name="CloneUrl">Where the job fetches and pushes.</param>
public sealed record FixRequest(
    string DeliveryId,
    long InstallationId,
    string Repository,
    int PullNumber,
    CommandSourceKind Source,
    long SourceId,
    string Sender,
    string Instructions,
    string DefaultBranch,
    string CloneUrl)
{
    /// <summary>The value of the <c>GitBot-Fix</c> trailer: the comment id, or <c>review-&lt;id&gt;</c> for a review body.</summary>
    public string TrailerValue => Source == CommandSourceKind.Review
        ? $"review-{SourceId.ToString(CultureInfo.InvariantCulture)}"
        : SourceId.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>owner/name#12 fix 345</c>, for logs and run ids.</summary>
    public string Subject => $"{Repository}#{PullNumber.ToString(CultureInfo.InvariantCulture)} fix {TrailerValue}";
}
