using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.Git;
using GitBot.Simulator.Http;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Handlers;

/// <summary>Pull request reviews: create (with inline comments), list, get, dismiss.</summary>
internal static class ReviewsHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("pulls/create-review", Create);
        registry.Add("pulls/list-reviews", List);
        registry.Add("pulls/get-review", Get);
        registry.Add("pulls/dismiss-review", Dismiss);
        registry.Add("pulls/list-comments-for-review", ListCommentsForReview);
        registry.Add("pulls/list-review-comments", ListReviewComments);
    }

    /// <summary>Records a review and emits <c>pull_request_review submitted</c> unless it is pending. Call under the lock.</summary>
    internal static ReviewState Submit(SimulatorRuntime runtime, RepositoryState repo, IssueState issue, UserState author,
        string state, string? body, string commitId, IReadOnlyList<AnchoredComment> comments)
    {
        var pending = state == "PENDING";
        var review = new ReviewState(runtime.State.NextId(), author, body, state, commitId, pending ? null : runtime.Now);
        foreach (var comment in comments)
        {
            review.Comments.Add(new ReviewCommentState(runtime.State.NextId(), review.Id, author, comment.Path, comment.Line,
                comment.Side, comment.StartLine, comment.StartSide, comment.Position, comment.DiffHunk, comment.Body, commitId, runtime.Now));
        }

        issue.Pull!.Reviews.Add(review);
        if (!pending)
        {
            runtime.Events.Publish("pull_request_review", "submitted", repo, repo.InstallationId, author, new JsonObject
            {
                ["review"] = runtime.Shapes.Review(repo, issue, review),
                ["pull_request"] = runtime.Shapes.PullRequest(repo, issue),
            });
        }

        return review;
    }

    private static async ValueTask<SimResponse> Create(HandlerContext c)
    {
        var state = c.String("event") switch
        {
            "APPROVE" => "APPROVED",
            "REQUEST_CHANGES" => "CHANGES_REQUESTED",
            "COMMENT" => "COMMENTED",
            _ => "PENDING",
        };
        var inputs = new List<ReviewCommentInput>();
        if (c.Field("comments") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var item in list.EnumerateArray())
            {
                inputs.Add(new ReviewCommentInput(item.GetProperty("path").GetString()!, Int(item, "line"), Str(item, "side"),
                    Int(item, "start_line"), Str(item, "start_side"), Int(item, "position"), item.GetProperty("body").GetString()!));
            }
        }

        if (state is "CHANGES_REQUESTED" or "COMMENTED" && string.IsNullOrEmpty(c.String("body")) && inputs.Count == 0)
        {
            return Unprocessable(c, $"Review Can not {(state == "COMMENTED" ? "comment" : "request changes")} without a body");
        }

        string baseSha, commitId;
        IssueState? issue;
        lock (c.Gate)
        {
            issue = PullsHandlers.Find(c);
            if (issue is null)
            {
                return c.NotFound();
            }

            baseSha = issue.Pull!.BaseSha;
            commitId = c.String("commit_id") ?? issue.Pull.HeadSha;
            if (commitId != issue.Pull.HeadSha && commitId != baseSha)
            {
                return Unprocessable(c, "Review commit_id is not part of the pull request");
            }
        }

        IReadOnlyList<AnchoredComment> comments = [];
        if (inputs.Count > 0)
        {
            var diff = await PullDiffs.LoadAsync(c.Runtime, c.Repository, issue, commitId, c.CancellationToken);
            (comments, var error) = ReviewAnchors.Anchor(UnifiedDiffReader.Read(diff), inputs);
            if (error is not null)
            {
                return Unprocessable(c, error);
            }
        }

        lock (c.Gate)
        {
            // GitHub refuses an approval or a change request from the pull request's own author (Apps included).
            if (state is "APPROVED" or "CHANGES_REQUESTED" && issue.User.Id == c.Actor.Id)
            {
                return Unprocessable(c, state == "APPROVED"
                    ? "Review Can not approve your own pull request"
                    : "Review Can not request changes on your own pull request");
            }

            var review = Submit(c.Runtime, c.Repository, issue, c.Actor, state, c.String("body"), commitId, comments);
            return c.Ok(c.Runtime.Shapes.Review(c.Repository, issue, review));
        }
    }

    private static ValueTask<SimResponse> List(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(PullsHandlers.Find(c) is { } issue
                ? c.Page([.. issue.Pull!.Reviews.Select(r => (JsonNode)c.Runtime.Shapes.Review(c.Repository, issue, r))])
                : c.NotFound());
        }
    }

    private static ValueTask<SimResponse> Get(HandlerContext c)
    {
        lock (c.Gate)
        {
            var issue = PullsHandlers.Find(c);
            var review = issue?.Pull!.Reviews.FirstOrDefault(r => r.Id == c.PathLong("review_id"));
            return ValueTask.FromResult(review is null ? c.NotFound() : c.Ok(c.Runtime.Shapes.Review(c.Repository, issue!, review)));
        }
    }

    private static ValueTask<SimResponse> Dismiss(HandlerContext c)
    {
        lock (c.Gate)
        {
            var issue = PullsHandlers.Find(c);
            var review = issue?.Pull!.Reviews.FirstOrDefault(r => r.Id == c.PathLong("review_id"));
            if (review is null)
            {
                return ValueTask.FromResult(c.NotFound());
            }

            if (review.State is not ("APPROVED" or "CHANGES_REQUESTED"))
            {
                return ValueTask.FromResult(Unprocessable(c, $"Can not dismiss a {review.State.ToLowerInvariant()} pull request review"));
            }

            review.State = "DISMISSED";
            review.DismissalMessage = c.String("message");
            c.Runtime.Events.Publish("pull_request_review", "dismissed", c.Repository, c.Repository.InstallationId, c.Actor,
                new JsonObject
                {
                    ["review"] = c.Runtime.Shapes.Review(c.Repository, issue!, review),
                    ["pull_request"] = c.Runtime.Shapes.PullRequest(c.Repository, issue!),
                });
            return ValueTask.FromResult(c.Ok(c.Runtime.Shapes.Review(c.Repository, issue!, review)));
        }
    }

    private static ValueTask<SimResponse> ListCommentsForReview(HandlerContext c)
    {
        lock (c.Gate)
        {
            var issue = PullsHandlers.Find(c);
            var review = issue?.Pull!.Reviews.FirstOrDefault(r => r.Id == c.PathLong("review_id"));
            return ValueTask.FromResult(review is null
                ? c.NotFound()
                : c.Page([.. review.Comments.Select(m => (JsonNode)c.Runtime.Shapes.ReviewComment(c.Repository, issue!, m))]));
        }
    }

    /// <summary>Every inline comment on the pull request, oldest first (pending reviews' comments are not shown, as on GitHub).</summary>
    private static ValueTask<SimResponse> ListReviewComments(HandlerContext c)
    {
        lock (c.Gate)
        {
            return ValueTask.FromResult(PullsHandlers.Find(c) is { } issue
                ? c.Page([.. issue.Pull!.Reviews.Where(r => r.State != "PENDING").SelectMany(r => r.Comments).OrderBy(m => m.Id)
                    .Select(m => (JsonNode)c.Runtime.Shapes.ReviewComment(c.Repository, issue, m))])
                : c.NotFound());
        }
    }

    /// <summary>GitHub's answer for a review it will not take: <c>{"message":"Unprocessable Entity","errors":[…]}</c>.</summary>
    private static SimResponse Unprocessable(HandlerContext c, string error) => SimResponse.Of(422, new JsonObject
    {
        ["message"] = "Unprocessable Entity",
        ["errors"] = new JsonArray(error),
        ["documentation_url"] = c.Match.Operation.DocumentationUrl,
        ["status"] = "422",
    });

    private static int? Int(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
