using System.Text.Json.Nodes;
using GitBot.Simulator.State;

namespace GitBot.Simulator.Shapes;

internal sealed partial class ObjectShapes
{
    public JsonObject Issue(RepositoryState repo, IssueState issue)
    {
        var url = $"{ApiBase}repos/{repo.FullName}/issues/{issue.Number}";
        var result = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = NodeId("Issue", issue.Id),
            ["url"] = url,
            ["repository_url"] = $"{ApiBase}repos/{repo.FullName}",
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = $"{WebBase}{repo.FullName}/{(issue.Pull is null ? "issues" : "pull")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.StateReason,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(issue.User),
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)Label(repo, l))]),
            ["assignee"] = issue.Assignees.Count > 0 ? User(issue.Assignees[0]) : null,
            ["assignees"] = new JsonArray([.. issue.Assignees.Select(a => (JsonNode)User(a))]),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = Timestamp(issue.ClosedAt),
            ["created_at"] = Timestamp(issue.CreatedAt),
            ["updated_at"] = Timestamp(issue.UpdatedAt),
            ["author_association"] = "OWNER",
            ["reactions"] = Rollup(url + "/reactions", issue.Reactions),
        };
        if (issue.Pull is { } pull)
        {
            result["pull_request"] = new JsonObject
            {
                ["url"] = $"{ApiBase}repos/{repo.FullName}/pulls/{issue.Number}",
                ["html_url"] = $"{WebBase}{repo.FullName}/pull/{issue.Number}",
                ["diff_url"] = $"{WebBase}{repo.FullName}/pull/{issue.Number}.diff",
                ["patch_url"] = $"{WebBase}{repo.FullName}/pull/{issue.Number}.patch",
                ["merged_at"] = Timestamp(pull.MergedAt),
            };
        }

        return result;
    }

    public JsonObject Comment(RepositoryState repo, CommentState comment)
    {
        var url = $"{ApiBase}repos/{repo.FullName}/issues/comments/{comment.Id}";
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["node_id"] = NodeId("IssueComment", comment.Id),
            ["url"] = url,
            ["html_url"] = $"{WebBase}{repo.FullName}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
            ["issue_url"] = $"{ApiBase}repos/{repo.FullName}/issues/{comment.IssueNumber}",
            ["body"] = comment.Body,
            ["user"] = User(comment.User),
            ["created_at"] = Timestamp(comment.CreatedAt),
            ["updated_at"] = Timestamp(comment.UpdatedAt),
            ["author_association"] = comment.User.Type == "Bot" ? "NONE" : "OWNER",
            ["performed_via_github_app"] = null,
            ["reactions"] = Rollup(url + "/reactions", comment.Reactions),
        };
    }

    public JsonObject Reaction(ReactionState reaction) => new()
    {
        ["id"] = reaction.Id,
        ["node_id"] = NodeId("Reaction", reaction.Id),
        ["user"] = User(reaction.User),
        ["content"] = reaction.Content,
        ["created_at"] = Timestamp(reaction.CreatedAt),
    };

    public JsonObject PullRequest(RepositoryState repo, IssueState issue)
    {
        var pull = issue.Pull!;
        var url = $"{ApiBase}repos/{repo.FullName}/pulls/{issue.Number}";
        var result = Issue(repo, issue);
        result.Remove("pull_request");
        result.Remove("reactions");
        result["id"] = pull.Id;
        result["node_id"] = NodeId("PullRequest", pull.Id);
        result["url"] = url;
        result["html_url"] = $"{WebBase}{repo.FullName}/pull/{issue.Number}";
        result["diff_url"] = result["html_url"] + ".diff";
        result["patch_url"] = result["html_url"] + ".patch";
        result["issue_url"] = $"{ApiBase}repos/{repo.FullName}/issues/{issue.Number}";
        result["commits_url"] = url + "/commits";
        result["review_comments_url"] = url + "/comments";
        result["review_comment_url"] = $"{ApiBase}repos/{repo.FullName}/pulls/comments{{/number}}";
        result["statuses_url"] = $"{ApiBase}repos/{repo.FullName}/statuses/{pull.HeadSha}";
        result["head"] = Branch(pull.HeadRepository ?? repo, pull.HeadRef, pull.HeadSha);
        result["base"] = Branch(repo, pull.BaseRef, pull.BaseSha);
        result["draft"] = pull.Draft;
        result["merged"] = pull.Merged;
        result["merged_at"] = Timestamp(pull.MergedAt);
        result["merge_commit_sha"] = pull.MergeCommitSha;
        result["merged_by"] = pull.MergedBy is { } by ? User(by) : null;
        result["mergeable"] = pull.Merged ? null : true;
        result["mergeable_state"] = pull.Merged ? "unknown" : "clean";
        result["requested_reviewers"] = new JsonArray();
        result["requested_teams"] = new JsonArray();
        result["auto_merge"] = null;
        result["maintainer_can_modify"] = false;
        result["review_comments"] = pull.Reviews.Sum(r => r.Comments.Count);
        result["_links"] = new JsonObject
        {
            ["self"] = Href(url),
            ["html"] = Href(result["html_url"]!.GetValue<string>()),
            ["issue"] = Href(result["issue_url"]!.GetValue<string>()),
            ["comments"] = Href(result["comments_url"]!.GetValue<string>()),
            ["review_comments"] = Href(url + "/comments"),
            ["review_comment"] = Href(url + "/comments{/number}"),
            ["commits"] = Href(url + "/commits"),
            ["statuses"] = Href(result["statuses_url"]!.GetValue<string>()),
        };
        return result;
    }

    public JsonObject Review(RepositoryState repo, IssueState issue, ReviewState review) => new()
    {
        ["id"] = review.Id,
        ["node_id"] = NodeId("PullRequestReview", review.Id),
        ["user"] = User(review.User),
        ["body"] = review.Body ?? string.Empty,
        ["state"] = review.State,
        ["html_url"] = $"{WebBase}{repo.FullName}/pull/{issue.Number}#pullrequestreview-{review.Id}",
        ["pull_request_url"] = $"{ApiBase}repos/{repo.FullName}/pulls/{issue.Number}",
        ["commit_id"] = review.CommitId,
        ["submitted_at"] = Timestamp(review.SubmittedAt),
        ["author_association"] = "OWNER",
        ["_links"] = new JsonObject
        {
            ["html"] = Href($"{WebBase}{repo.FullName}/pull/{issue.Number}#pullrequestreview-{review.Id}"),
            ["pull_request"] = Href($"{ApiBase}repos/{repo.FullName}/pulls/{issue.Number}"),
        },
    };

    public JsonObject Status(RepositoryState repo, CommitStatusState status) => new()
    {
        ["url"] = $"{ApiBase}repos/{repo.FullName}/statuses/{status.Sha}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{status.Creator.Id}?v=4",
        ["id"] = status.Id,
        ["node_id"] = NodeId("StatusContext", status.Id),
        ["state"] = status.State,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["context"] = status.Context,
        ["created_at"] = Timestamp(status.CreatedAt),
        ["updated_at"] = Timestamp(status.CreatedAt),
        ["creator"] = User(status.Creator),
    };

    private JsonObject Branch(RepositoryState repo, string name, string sha) => new()
    {
        ["label"] = $"{repo.Owner.Login}:{name}",
        ["ref"] = name,
        ["sha"] = sha,
        ["user"] = User(repo.Owner),
        ["repo"] = Repository(repo),
    };

    private static JsonObject Href(string href) => new() { ["href"] = href };

    private static JsonObject Rollup(string url, List<ReactionState> reactions)
    {
        var rollup = new JsonObject { ["url"] = url, ["total_count"] = reactions.Count };
        foreach (var content in (string[])["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"])
        {
            rollup[content] = reactions.Count(r => r.Content == content);
        }

        return rollup;
    }
}
