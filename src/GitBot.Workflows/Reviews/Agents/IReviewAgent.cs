using GitBot.Core.Reviews.Reports;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// One review agent. Returns its report as a value, failures included (a review that could not be done is a
/// failing report that says why); throws only <see cref="OperationCanceledException"/> when cancelled.
/// </summary>
public interface IReviewAgent
{
    /// <summary>Which agent this is.</summary>
    ReviewAgentKind Kind { get; }

    /// <summary>Reviews the pull request at the run's head.</summary>
    Task<ReviewReport> ReviewAsync(ReviewContext context, CancellationToken cancellationToken);
}
