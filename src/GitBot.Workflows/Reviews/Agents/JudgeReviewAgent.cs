using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Judge;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The judge: scores the change against the linked issue's acceptance criteria with a rubric, through the
/// <c>anthropic</c> backend, as validated JSON. The linked issue is the one GitBot's branch was made for
/// (<c>gitbot/&lt;issue&gt;</c>), else the first "Closes/Fixes/Resolves #N" of the pull request body, else the pull
/// request itself (its title and body are then the criteria).
/// </summary>
public sealed class JudgeReviewAgent(ReviewModel model) : IReviewAgent
{
    /// <summary>Characters of diff given to the model.</summary>
    public const int DiffBudgetChars = 80_000;

    /// <summary>How long the judge may take.</summary>
    public static readonly TimeSpan ModelTimeout = TimeSpan.FromMinutes(3);

    public ReviewAgentKind Kind => ReviewAgentKind.Judge;

    public async Task<ReviewReport> ReviewAsync(ReviewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (title, body) = await LinkedIssueAsync(context, cancellationToken);
        var prompt = JudgePromptBuilder.Build(title, body, DiffDigest.Build(context.ParsedDiff, DiffBudgetChars));
        var (verdict, error) = await model.AskAsync(context, prompt, ModelTimeout, text =>
        {
            var parsed = JudgeOutputParser.Parse(text);
            return (parsed.Verdict, parsed.Error);
        }, cancellationToken);
        return JudgeReportBuilder.Build(verdict, error);
    }

    /// <summary>The issue the change is judged against, or the pull request's own title and body when none is linked.</summary>
    private static async Task<(string Title, string? Body)> LinkedIssueAsync(ReviewContext context, CancellationToken cancellationToken)
    {
        var number = LinkedIssue.Find(context.Config.BranchPrefix, context.Pull.Head.Ref, context.Pull.Body);
        if (number is { } issue)
        {
            var fetched = await context.Client.Issues.GetAsync(context.Repository.Owner, context.Repository.Name, issue, cancellationToken);
            if (fetched.TryGetValue(out var found))
            {
                return (found.Title, found.Body);
            }
        }

        return (context.Pull.Title, context.Pull.Body);
    }
}
