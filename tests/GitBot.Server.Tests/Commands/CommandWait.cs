using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitBot.GitHub.Webhooks;
using GitBot.Simulator;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// Waiting on what the command intake does, and proving it did nothing: a delivery counts as processed once the server
/// stored and dispatched it and its job is gone from the job store (Quartz deletes a delivery job when it has run).
/// </summary>
internal static class CommandWait
{
    public const string Repo = "octo/widgets";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The reply comment GitBot wrote for <paramref name="commentId"/> once it satisfies <paramref name="done"/>; fails showing the comments.</summary>
    public static async Task<SimulatedComment> ForReplyAsync(GitHubSimulator github, int number, long commentId, Func<SimulatedComment, bool>? done = null,
        string source = "comment")
    {
        var marker = $"gitbot:command:{source}:{commentId.ToString(CultureInfo.InvariantCulture)}";
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var reply = github.GetIssue(Repo, number)!.Comments.FirstOrDefault(c => c.Body.Contains(marker, StringComparison.Ordinal));
            if (reply is not null && (done is null || done(reply)))
            {
                return reply;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No reply for {source} {commentId} on #{number}. Comments:\n{Describe(github, number)}");
        return null!;
    }

    /// <summary>The comment <paramref name="commentId"/> once its reactions include <paramref name="reaction"/>.</summary>
    public static async Task<SimulatedComment> ForReactionAsync(GitHubSimulator github, int number, long commentId, string reaction)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var comment = github.GetIssue(Repo, number)!.Comments.Single(c => c.Id == commentId);
            if (comment.Reactions.Contains(reaction))
            {
                return comment;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Comment {commentId} on #{number} never got {reaction}. Comments:\n{Describe(github, number)}");
        return null!;
    }

    /// <summary>The id of the delivery the simulator sent for the comment <paramref name="commentId"/>.</summary>
    public static async Task<SimulatedDelivery> DeliveryOfCommentAsync(GitHubSimulator github, long commentId)
    {
        var needle = $"\"id\":{commentId.ToString(CultureInfo.InvariantCulture)},";
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var delivery = github.DeliveryLog.FirstOrDefault(d => d.Event == "issue_comment" && d.RequestBody.Contains(needle, StringComparison.Ordinal));
            if (delivery is not null)
            {
                return delivery;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The simulator never delivered comment {commentId}.");
        return null!;
    }

    /// <summary>Waits until the server has run every handler of <paramref name="deliveryId"/>.</summary>
    public static async Task ProcessedAsync(TestServer server, string deliveryId)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var dispatched = await server.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM webhook_deliveries WHERE delivery_id = '{deliveryId}' AND dispatched_at IS NOT NULL");
            var pending = await server.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = 'deliveries' AND job_name = '{deliveryId}'");
            if (dispatched == 1 && pending == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Delivery {deliveryId} was not processed in time.");
    }

    /// <summary>Waits until the comment's <c>issue_comment</c> delivery was processed.</summary>
    public static async Task CommentProcessedAsync(GitHubSimulator github, TestServer server, long commentId) =>
        await ProcessedAsync(server, (await DeliveryOfCommentAsync(github, commentId)).Guid.ToString());

    /// <summary>
    /// Sends the comment's delivery again as GitHub sends an edit (<c>issue_comment edited</c>, new body, <c>changes</c>),
    /// signed with the App's webhook secret; returns the new delivery id.
    /// </summary>
    public static async Task<string> SendEditedAsync(GitHubSimulator github, TestServer server, long commentId, string newBody)
    {
        var created = await DeliveryOfCommentAsync(github, commentId);
        var payload = JsonNode.Parse(created.RequestBody)!.AsObject();
        var oldBody = (string?)payload["comment"]!["body"];
        payload["action"] = "edited";
        payload["comment"]!["body"] = newBody;
        payload["changes"] = new JsonObject { ["body"] = new JsonObject { ["from"] = oldBody } };
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var id = Guid.NewGuid().ToString();
        var response = await server.PostAsync(id, body, WebhookSignatureVerifier.Sign(github.App.WebhookSecret, body), "issue_comment");
        Assert.True(response.IsSuccessStatusCode, $"the edited delivery was refused: {response.StatusCode}");
        return id;
    }

    /// <summary>Every comment of the issue, for failure messages.</summary>
    public static string Describe(GitHubSimulator github, int number) =>
        string.Join("\n", github.GetIssue(Repo, number)!.Comments.Select(c => $"  [{c.Id}] {c.Author} ({string.Join(",", c.Reactions)}): {c.Body}"));
}
