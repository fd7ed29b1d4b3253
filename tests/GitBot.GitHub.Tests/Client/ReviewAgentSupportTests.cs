using System.Globalization;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Client;

/// <summary>
/// What the review agents need from GitHub, against the simulator: the pull request's diff, inline comments anchored by
/// line and side and read back per review, and check runs with annotations and every conclusion.
/// </summary>
public sealed class ReviewAgentSupportTests
{
    private const string O = GitHubHarness.Owner;
    private const string R = GitHubHarness.Repo;

    [Fact]
    public async Task The_diff_comes_back_as_text_between_json_reads_of_the_same_url()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await OpenPullAsync(h);
        var pulls = h.Client.PullRequests;

        var before = await pulls.GetAsync(O, R, number, CancellationToken.None);
        var diff = await pulls.GetDiffAsync(O, R, number, CancellationToken.None);
        var again = await pulls.GetDiffAsync(O, R, number, CancellationToken.None);
        var after = await pulls.GetAsync(O, R, number, CancellationToken.None);

        Assert.True(diff.IsSuccess, diff.ToString());
        Assert.StartsWith("diff --git a/src/app.txt b/src/app.txt\nindex ", diff.Value, StringComparison.Ordinal);
        Assert.Contains("-line 3\n+line three\n", diff.Value, StringComparison.Ordinal);
        Assert.Equal(diff.Value, again.Value);
        Assert.Equal(before.Value.Head.Sha, after.Value.Head.Sha);
        Assert.Equal(number, after.Value.Number);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task A_diff_too_large_for_GitHub_is_a_406_error_with_its_message()
    {
        await using var h = await GitHubHarness.StartAsync();
        var big = string.Concat(Enumerable.Range(1, 20_001).Select(i => string.Create(CultureInfo.InvariantCulture, $"row {i}\n")));
        await h.Simulator.CommitFilesAsync(GitHubHarness.FullName, "big", new Dictionary<string, string> { ["big.txt"] = big }, "Big", "alice",
            CancellationToken.None);
        var number = await h.Simulator.OpenPullRequestAsync(GitHubHarness.FullName, "big", "main", "Big", null, "alice", CancellationToken.None);

        var diff = await h.Client.PullRequests.GetDiffAsync(O, R, number, CancellationToken.None);

        Assert.False(diff.IsSuccess);
        Assert.Equal(406, diff.Error!.StatusCode);
        Assert.Equal("Sorry, the diff exceeded the maximum number of lines (20000)", diff.Error.Message);
    }

    [Fact]
    public async Task Inline_comments_by_line_and_side_are_read_back_per_review_and_off_diff_lines_are_refused()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await OpenPullAsync(h);
        var head = h.Simulator.GetPullRequest(GitHubHarness.FullName, number)!.HeadSha;
        var reviews = h.Client.Reviews;

        var review = await reviews.CreateAsync(O, R, number, new CreateReviewRequest(ReviewEvent.RequestChanges, "Security: 1 finding", head,
        [
            new ReviewCommentDraft("src/app.txt", "Secret here", Line: 25, Side: DiffSide.Right),
            new ReviewCommentDraft("src/app.txt", "Was fine", Line: 3, Side: DiffSide.Left),
            new ReviewCommentDraft("src/app.txt", "Range", Line: 4, Side: DiffSide.Right, StartLine: 2, StartSide: DiffSide.Right),
        ]), CancellationToken.None);
        Assert.True(review.IsSuccess, review.ToString());
        var offDiff = await reviews.CreateAsync(O, R, number, new CreateReviewRequest(ReviewEvent.Comment, "x", head,
            [new ReviewCommentDraft("src/app.txt", "Nowhere", Line: 12)]), CancellationToken.None);
        var comments = await reviews.ListCommentsAsync(O, R, number, review.Value.Id, CancellationToken.None);
        var all = await reviews.ListPullRequestCommentsAsync(O, R, number, CancellationToken.None);

        Assert.True(comments.IsSuccess, comments.ToString());
        Assert.Equal([(25, "RIGHT", "Secret here"), (3, "LEFT", "Was fine"), (4, "RIGHT", "Range")],
            comments.Value.Select(c => (c.Line!.Value, c.Side!, c.Body)));
        Assert.All(comments.Value, c =>
        {
            Assert.Equal("src/app.txt", c.Path);
            Assert.Equal(head, c.CommitId);
            Assert.Equal(review.Value.Id, c.PullRequestReviewId);
            Assert.Equal(h.Simulator.App.BotLogin, c.User.Login);
        });
        Assert.Equal(2, comments.Value[2].StartLine);
        Assert.Equal(3, all.Value.Count);
        Assert.Equal(GitHubErrorKind.Validation, offDiff.Error!.Kind);
        Assert.Equal("Pull request review thread line must be part of the diff", Assert.Single(offDiff.Error.ValidationErrors).Message);
    }

    [Fact]
    public async Task Check_runs_carry_annotations_that_accumulate_and_conclude_neutral_or_cancelled()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await OpenPullAsync(h);
        var head = h.Simulator.GetPullRequest(GitHubHarness.FullName, number)!.HeadSha;
        var checks = h.Client.Checks;

        var judge = await checks.CreateAsync(O, R, new CreateCheckRunRequest("gitbot/judge", head, CheckRunStatus.Completed, CheckRunConclusion.Neutral,
            Output: new CheckRunOutput("Score 7/10", "Does what was asked")), CancellationToken.None);
        var security = await checks.CreateAsync(O, R, new CreateCheckRunRequest("gitbot/security", head, CheckRunStatus.InProgress,
            Output: new CheckRunOutput("Scanning", "…", Annotations: [new CheckRunAnnotation("src/app.txt", 25, 25, AnnotationLevel.Failure, "AWS key", "Secret")])),
            CancellationToken.None);
        var cancelled = await checks.UpdateAsync(O, R, security.Value.Id, new UpdateCheckRunRequest(Conclusion: CheckRunConclusion.Cancelled,
            Output: new CheckRunOutput("Superseded", "A newer push", "details", [new CheckRunAnnotation("src/app.txt", 3, 4, AnnotationLevel.Warning, "Odd")])),
            CancellationToken.None);

        Assert.True(judge.IsSuccess, judge.ToString());
        Assert.True(cancelled.IsSuccess, cancelled.ToString());
        var runs = h.Simulator.GetCheckRuns(GitHubHarness.FullName);
        Assert.Equal("neutral", runs.Single(r => r.Name == "gitbot/judge").Conclusion);
        var run = runs.Single(r => r.Name == "gitbot/security");
        Assert.Equal("cancelled", run.Conclusion);
        Assert.Equal("details", run.OutputText);
        Assert.Equal([new SimulatedAnnotationView("src/app.txt", 25, 25, "failure", "Secret", "AWS key"), new SimulatedAnnotationView("src/app.txt", 3, 4, "warning", null, "Odd")],
            run.Annotations.Select(a => new SimulatedAnnotationView(a.Path, a.StartLine, a.EndLine, a.Level, a.Title, a.Message)));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    /// <summary>On main, <c>src/app.txt</c> holds <c>line 1</c>…<c>line 30</c>; the pull request changes lines 3 and 25.</summary>
    private static async Task<int> OpenPullAsync(GitHubHarness h)
    {
        var lines = string.Concat(Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"line {i}\n")));
        await h.Simulator.CommitFilesAsync(GitHubHarness.FullName, "main", new Dictionary<string, string> { ["src/app.txt"] = lines }, "Base",
            "alice", CancellationToken.None);
        await h.Simulator.CommitFilesAsync(GitHubHarness.FullName, "gitbot/1", new Dictionary<string, string>
        {
            ["src/app.txt"] = lines.Replace("line 3\n", "line three\n", StringComparison.Ordinal)
                .Replace("line 25\n", "AWS_SECRET=AKIA...\n", StringComparison.Ordinal),
        }, "Work", "gitbot", CancellationToken.None);
        // Opened by a person: GitHub refuses a change request from a pull request's own author, and these reviews are the App's.
        return await h.Simulator.OpenPullRequestAsync(GitHubHarness.FullName, "gitbot/1", "main", "Agent work", "Closes #1", "alice",
            CancellationToken.None);
    }

    private sealed record SimulatedAnnotationView(string Path, int StartLine, int EndLine, string Level, string? Title, string Message);
}
