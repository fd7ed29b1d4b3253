using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.TestResults;
using GitBot.Git.Repositories;
using GitBot.Workflows.Reviews.Testing;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The tests agent: runs the repository's <c>test_command</c> (from the default branch's configuration, never the
/// pull request's) in a worktree at exactly the head, under the coding agents' sandbox, and reports the counts and
/// the first failures.
/// </summary>
public sealed class TestsReviewAgent(TestCommandRunner runner) : IReviewAgent
{
    public ReviewAgentKind Kind => ReviewAgentKind.Tests;

    public async Task<ReviewReport> ReviewAsync(ReviewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = context.Config.TestCommand;
        if (command.Count == 0)
        {
            return TestReportBuilder.Build(new TestRunOutcome(TestRunStatus.NotConfigured, string.Empty, null, null, null, string.Empty, TimeSpan.Zero,
                "the repository sets no test_command in .github/gitbot.yml"));
        }

        var cloneUrl = context.Pull.Base.Repo?.CloneUrl;
        var token = await context.Client.Credentials.GetTokenAsync(cancellationToken);
        if (cloneUrl is null || !token.TryGetValue(out var tokenValue))
        {
            return TestReportBuilder.Build(new TestRunOutcome(TestRunStatus.FailedToStart, string.Join(' ', command), null, null, null, string.Empty,
                TimeSpan.Zero, cloneUrl is null ? "GitHub gave no clone URL for the repository" : $"no GitHub token for the installation: {token.Error!.Message}"));
        }

        var request = new TestCommandRequest(context.LogId, context.Repository.ToString(), cloneUrl, new GitCredential(tokenValue),
            context.Run.PullNumber, context.Run.HeadSha, command, context.Config.Reviews.TestTimeout);
        var outcome = await runner.RunAsync(request, cancellationToken);
        return TestReportBuilder.Build(outcome);
    }

}
