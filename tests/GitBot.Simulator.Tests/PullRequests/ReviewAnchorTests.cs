using System.Net;
using System.Text.Json.Nodes;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>
/// Inline review comments anchor like GitHub's: on a line the diff shows on that side, a range within one hunk, or a
/// legacy position within the file's diff; anything else is 422 and no review is recorded.
/// </summary>
public sealed class ReviewAnchorTests
{
    public static TheoryData<string, string?> Comments => new()
    {
        // RIGHT (the default): added and context lines of the new file.
        { """{"path":"src/app.txt","line":3,"body":"b"}""", null },
        { """{"path":"src/app.txt","line":1,"side":"RIGHT","body":"b"}""", null },
        { """{"path":"src/new.txt","line":1,"body":"b"}""", null },
        { """{"path":"src/app.txt","line":10,"body":"b"}""", "Pull request review thread line must be part of the diff" },
        { """{"path":"src/app.txt","line":29,"side":"RIGHT","body":"b"}""", "Pull request review thread line must be part of the diff" },
        // LEFT: removed and context lines of the old file.
        { """{"path":"src/app.txt","line":25,"side":"LEFT","body":"b"}""", null },
        { """{"path":"src/app.txt","line":10,"side":"LEFT","body":"b"}""", "Pull request review thread line must be part of the diff" },
        { """{"path":"src/new.txt","line":1,"side":"LEFT","body":"b"}""", "Pull request review thread line must be part of the diff" },
        // Ranges stay within one hunk and start before they end.
        { """{"path":"src/app.txt","start_line":1,"line":4,"body":"b"}""", null },
        { """{"path":"src/app.txt","start_line":3,"line":25,"body":"b"}""", "Pull request review thread start line must be part of the same hunk as the line." },
        // A pure rename has no hunk to comment on; a file outside the diff has no thread at all.
        { """{"path":"docs/new.md","line":1,"body":"b"}""", "Pull request review thread line must be part of the diff" },
        { """{"path":"README.md","line":1,"body":"b"}""", "Pull request review thread path is invalid" },
        // Legacy positions count lines below the first hunk header, later headers included (16 in this file).
        { """{"path":"src/app.txt","position":4,"body":"b"}""", null },
        { """{"path":"src/app.txt","position":16,"body":"b"}""", null },
        { """{"path":"src/app.txt","position":17,"body":"b"}""", "Pull request review thread position is invalid" },
    };

    [Theory]
    [MemberData(nameof(Comments))]
    public async Task A_review_comment_must_sit_on_the_diff(string comment, string? error)
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews",
            $$"""{"event":"COMMENT","body":"review","comments":[{{comment}}]}""");
        var body = await SimulatorHarness.ReadAsync(response);

        if (error is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(Assert.Single(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews).Comments);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(error, Assert.Single(body["errors"]!.AsArray())!.GetValue<string>());
            Assert.Empty(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews);
        }
    }

    [Fact]
    public async Task Review_comments_are_listed_per_review_and_per_pull_request_with_their_anchor()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;
        var review = await h.Simulator.SubmitReviewAsync(SimulatorHarness.Repo, number, "carol", "REQUEST_CHANGES", "Two things",
            [new SimulatedReviewCommentInput("src/app.txt", 25, "Why?"), new SimulatedReviewCommentInput("src/app.txt", 25, "Old one", "LEFT")],
            CancellationToken.None);
        using var legacy = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews",
            """{"event":"COMMENT","comments":[{"path":"src/app.txt","position":12,"body":"By position"}]}""");

        var forReview = await GetArrayAsync(h, $"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews/{review}/comments");
        var all = await GetArrayAsync(h, $"repos/{SimulatorHarness.Repo}/pulls/{number}/comments");
        using var missing = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews/42/comments");

        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal(2, forReview.Count);
        var right = forReview[0]!;
        Assert.Equal("src/app.txt", right["path"]!.GetValue<string>());
        Assert.Equal(25, right["line"]!.GetValue<int>());
        Assert.Equal("RIGHT", right["side"]!.GetValue<string>());
        Assert.Equal("Why?", right["body"]!.GetValue<string>());
        Assert.Equal("carol", right["user"]!["login"]!.GetValue<string>());
        Assert.Equal(head, right["commit_id"]!.GetValue<string>());
        Assert.Equal(review, right["pull_request_review_id"]!.GetValue<long>());
        Assert.Equal(13, right["position"]!.GetValue<int>());
        Assert.Equal("@@ -22,7 +22,7 @@ line 21\n line 22\n line 23\n line 24\n-line 25\n+line twenty-five", right["diff_hunk"]!.GetValue<string>());
        Assert.Equal("LEFT", forReview[1]!["side"]!.GetValue<string>());
        Assert.Equal(12, forReview[1]!["position"]!.GetValue<int>());
        Assert.Equal(["Why?", "Old one", "By position"], all.Select(c => c!["body"]!.GetValue<string>()));
        Assert.Equal("LEFT", all[2]!["side"]!.GetValue<string>());
        Assert.Equal(25, all[2]!["line"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var snapshot = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews[0].Comments;
        Assert.Equal([("RIGHT", 25), ("LEFT", 25)], snapshot.Select(c => (c.Side, c.Line!.Value)));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task The_user_action_refuses_a_comment_off_the_diff_and_records_nothing()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => h.Simulator.SubmitReviewAsync(SimulatorHarness.Repo, number, "carol",
            "COMMENT", null, [new SimulatedReviewCommentInput("src/app.txt", 12, "Not in a hunk")], CancellationToken.None));

        Assert.StartsWith("Pull request review thread line must be part of the diff", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews);
    }

    private static async Task<JsonArray> GetArrayAsync(SimulatorHarness h, string path)
    {
        using var response = await h.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await SimulatorHarness.ReadAsync(response)).AsArray();
    }
}
