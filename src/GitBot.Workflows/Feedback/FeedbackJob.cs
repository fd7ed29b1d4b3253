using Quartz;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// One review's feedback run on the agent-task scheduler. The job carries only the <see cref="FeedbackRequest"/>;
/// recoverable, and safe to run again (see <see cref="FeedbackRunner"/>).
/// </summary>
public sealed class FeedbackJob(FeedbackRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var request = new FeedbackRequest(
            data.GetString(FeedbackJobKeys.DeliveryIdKey) ?? string.Empty,
            data.GetLong(FeedbackJobKeys.InstallationIdKey),
            data.GetString(FeedbackJobKeys.RepositoryKey) ?? string.Empty,
            data.GetInt(FeedbackJobKeys.PullNumberKey),
            data.GetLong(FeedbackJobKeys.ReviewIdKey),
            data.GetString(FeedbackJobKeys.ReviewerKey) ?? string.Empty,
            data.GetString(FeedbackJobKeys.DefaultBranchKey) ?? string.Empty,
            data.GetString(FeedbackJobKeys.CloneUrlKey) ?? string.Empty);
        await runner.RunAsync(request, cancellationToken);
    }
}
