using System.Text.Json.Nodes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Shapes;

internal sealed partial class ObjectShapes
{
    /// <summary>An inline review comment, as both review-comment list endpoints answer it.</summary>
    public JsonObject ReviewComment(RepositoryState repo, IssueState issue, ReviewCommentState comment)
    {
        var url = $"{ApiBase}repos/{repo.FullName}/pulls/comments/{comment.Id}";
        var html = $"{WebBase}{repo.FullName}/pull/{issue.Number}#discussion_r{comment.Id}";
        var pullUrl = $"{ApiBase}repos/{repo.FullName}/pulls/{issue.Number}";
        return new JsonObject
        {
            ["url"] = url,
            ["pull_request_review_id"] = comment.ReviewId,
            ["id"] = comment.Id,
            ["node_id"] = NodeId("PullRequestReviewComment", comment.Id),
            ["diff_hunk"] = comment.DiffHunk,
            ["path"] = comment.Path,
            ["position"] = comment.Position,
            ["original_position"] = comment.Position,
            ["commit_id"] = comment.CommitId,
            ["original_commit_id"] = comment.CommitId,
            ["user"] = User(comment.User),
            ["body"] = comment.Body,
            ["created_at"] = Timestamp(comment.CreatedAt),
            ["updated_at"] = Timestamp(comment.CreatedAt),
            ["html_url"] = html,
            ["pull_request_url"] = pullUrl,
            ["author_association"] = comment.User.Type == "Bot" ? "NONE" : "OWNER",
            ["_links"] = new JsonObject
            {
                ["self"] = Href(url),
                ["html"] = Href(html),
                ["pull_request"] = Href(pullUrl),
            },
            ["start_line"] = comment.StartLine,
            ["original_start_line"] = comment.StartLine,
            ["start_side"] = comment.StartLine is null ? null : comment.StartSide,
            ["line"] = comment.Line,
            ["original_line"] = comment.Line,
            ["side"] = comment.Side,
            ["subject_type"] = "line",
        };
    }
}
