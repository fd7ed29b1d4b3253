using System.Globalization;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// One human review that requested changes on a GitBot pull request, as the feedback job carries it: ids and the few
/// repository facts the webhook gave (the job reads everything else, including the review's text, from the API when it
/// runs, so a job recovered later acts on the pull request as it is then).
/// </summary>
/// <param name="DeliveryId">The webhook delivery that asked for it (for logs).</param>
/// <param name="InstallationId">The App installation whose token acts on the repository.</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="PullNumber">The pull request.</param>
/// <param name="ReviewId">The review that requested changes.</param>
/// <param name="Reviewer">Login of the human who submitted it (checked for write permission before scheduling).</param>
/// <param name="DefaultBranch">The repository's default branch: configuration is read from it, and it is never pushed to.</param>
/// <param name="CloneUrl">Where the job fetches and pushes.</param>
public sealed record FeedbackRequest(
    string DeliveryId,
    long InstallationId,
    string Repository,
    int PullNumber,
    long ReviewId,
    string Reviewer,
    string DefaultBranch,
    string CloneUrl)
{
    /// <summary><c>owner/name#12 review 345</c>, for logs and run ids.</summary>
    public string Subject => $"{Repository}#{PullNumber.ToString(CultureInfo.InvariantCulture)} review {ReviewId.ToString(CultureInfo.InvariantCulture)}";
}
