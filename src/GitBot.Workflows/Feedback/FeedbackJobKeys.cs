using System.Globalization;
using Quartz;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// The job identity of one review's feedback run: repository, pull request and review id. Scheduling it again while it
/// is queued or running (GitHub redelivers, a replayed delivery) finds the first and does nothing; once it has run, a
/// repeat is stopped by the run itself (its reply comment and its commit trailer, see <see cref="FeedbackRunner"/>).
/// </summary>
public static class FeedbackJobKeys
{
    public const string Group = "feedback";
    public const string DeliveryIdKey = "deliveryId";
    public const string InstallationIdKey = "installationId";
    public const string RepositoryKey = "repository";
    public const string PullNumberKey = "pullNumber";
    public const string ReviewIdKey = "reviewId";
    public const string ReviewerKey = "reviewer";
    public const string DefaultBranchKey = "defaultBranch";
    public const string CloneUrlKey = "cloneUrl";

    public static JobKey For(string repository, int pullNumber, long reviewId)
    {
        ArgumentNullException.ThrowIfNull(repository);

        // Lower case: GitHub repository names are case-insensitive, so two spellings are one pull request.
        return new JobKey(
            $"feedback-{repository.ToLowerInvariant()}-{pullNumber.ToString(CultureInfo.InvariantCulture)}-{reviewId.ToString(CultureInfo.InvariantCulture)}",
            Group);
    }
}
