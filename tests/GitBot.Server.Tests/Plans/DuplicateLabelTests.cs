using System.Net.Http.Headers;
using System.Text;
using GitBot.GitHub.Webhooks;

namespace GitBot.Server.Tests.Plans;

/// <summary>The same trigger seen several times (opened with the label, labeled, the labeled event again) makes one plan.</summary>
public sealed class DuplicateLabelTests
{
    [Fact]
    public async Task Opened_with_label_plus_repeated_labeled_events_make_exactly_one_plan()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig("cat > out.txt"));

        // opened (carrying the label) and labeled arrive for one action; AddLabel of a present label sends nothing.
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Once", "- [ ] Write out.txt", "alice", ["agent"], CancellationToken.None);
        await flow.GitHub.AddLabelAsync(FlowHarness.Repo, issue, "agent", "alice", CancellationToken.None);
        await flow.GitHub.WaitForDeliveriesAsync(CancellationToken.None);

        // The labeled event arrives twice more under new delivery ids, as after a redelivery by hand or a retrying proxy.
        var labeled = Assert.Single(flow.GitHub.DeliveryLog, d => d.Event == "issues" && d.Action == "labeled");
        for (var i = 0; i < 2; i++)
        {
            using var response = await PostAgainAsync(flow, labeled.RequestBody);
            Assert.True(response.IsSuccessStatusCode, $"replay answered {(int)response.StatusCode}");
        }

        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));
        Assert.Equal(1L, await flow.Server.ScalarAsync<long>("SELECT COUNT(*) FROM plans"));
        var github = FailureFlow.Issue(flow, issue);
        var plan = Assert.Single(github.Comments, c => c.Body.Contains("gitbot:plan:", StringComparison.Ordinal));
        Assert.Contains($"gitbot:plan:{done.Plan.Id}", plan.Body, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAgainAsync(FlowHarness flow, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-Hub-Signature-256", WebhookSignatureVerifier.Sign(flow.GitHub.App.WebhookSecret, bytes));
        return flow.Server.Client.SendAsync(request);
    }
}
