using System.Globalization;
using Quartz;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The job identity of <c>/agent fix</c>: ONE per repository and pull request. Scheduling a second one while the first
/// is queued or running fails atomically in the job store (on every node), which is what makes "one active fix job per
/// pull request" hold; the job's data says which command it serves, so the second command can be told apart as a
/// redelivery of the same comment, an identical request (coalesced) or a different one (refused until it finishes).
/// </summary>
public static class FixJobKeys
{
    public const string Group = "fix";
    public const string DeliveryIdKey = "deliveryId";
    public const string InstallationIdKey = "installationId";
    public const string RepositoryKey = "repository";
    public const string PullNumberKey = "pullNumber";
    public const string SourceKey = "source";
    public const string SourceIdKey = "sourceId";
    public const string SenderKey = "sender";
    public const string InstructionsKey = "instructions";
    public const string DefaultBranchKey = "defaultBranch";
    public const string CloneUrlKey = "cloneUrl";

    public static JobKey For(string repository, int pullNumber)
    {
        ArgumentNullException.ThrowIfNull(repository);

        // Lower case: GitHub repository names are case-insensitive, so two spellings are one pull request.
        return new JobKey($"fix-{repository.ToLowerInvariant()}-{pullNumber.ToString(CultureInfo.InvariantCulture)}", Group);
    }

    /// <summary>The job data of <paramref name="request"/>.</summary>
    public static JobDataMap Data(FixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobDataMap
        {
            [DeliveryIdKey] = request.DeliveryId,
            [InstallationIdKey] = request.InstallationId,
            [RepositoryKey] = request.Repository,
            [PullNumberKey] = request.PullNumber,
            [SourceKey] = request.Source.ToString(),
            [SourceIdKey] = request.SourceId,
            [SenderKey] = request.Sender,
            [InstructionsKey] = request.Instructions,
            [DefaultBranchKey] = request.DefaultBranch,
            [CloneUrlKey] = request.CloneUrl,
        };
    }

    /// <summary>The request a job's data carries.</summary>
    public static FixRequest Read(JobDataMap data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new FixRequest(
            data.GetString(DeliveryIdKey) ?? string.Empty,
            data.GetLong(InstallationIdKey),
            data.GetString(RepositoryKey) ?? string.Empty,
            data.GetInt(PullNumberKey),
            Enum.TryParse<CommandSourceKind>(data.GetString(SourceKey), out var source) ? source : CommandSourceKind.Comment,
            data.GetLong(SourceIdKey),
            data.GetString(SenderKey) ?? string.Empty,
            data.GetString(InstructionsKey) ?? string.Empty,
            data.GetString(DefaultBranchKey) ?? string.Empty,
            data.GetString(CloneUrlKey) ?? string.Empty);
    }
}
