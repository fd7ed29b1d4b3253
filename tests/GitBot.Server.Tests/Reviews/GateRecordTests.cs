using GitBot.Core.Reviews.Gate;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Reviews;

/// <summary>
/// Every <c>gitbot/gate</c> recompute also stores its decision (<c>pull_request_gates</c>) for the dashboard: the real
/// server on PostgreSQL against the simulator, the record read back through the registered store.
/// </summary>
public sealed class GateRecordTests
{
    private const string Branch = "gitbot/9";

    [Fact]
    public async Task A_gate_recompute_stores_the_conclusion_head_and_what_is_missing()
    {
        await using var h = await GateHarness.StartAsync();
        var store = h.Server.App.Services.GetRequiredService<IGateRecordStore>();
        var head = await h.PushAsync(Branch, new Dictionary<string, string> { ["src/widget.txt"] = "one\n" }, "Add a widget");
        var number = await h.GitHub.OpenPullRequestAsync(GateHarness.Repo, Branch, "main", "Add a widget", "Closes #9", "alice", CancellationToken.None);

        await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("needs 1 more approval", StringComparison.Ordinal) == true, "pending after opening");
        var pending = await WaitForRecordAsync(store, number, r => r.HeadSha == head, "a pending record on the head");
        Assert.Equal(GateConclusion.Pending, pending.Conclusion);
        Assert.Contains("1 more approval", pending.Summary, StringComparison.Ordinal);
        Assert.Contains("gitbot/security has not reported", pending.Summary, StringComparison.Ordinal);
        Assert.True(pending.Summary.Length <= GateRecord.MaxSummaryChars);

        await h.CompleteAgentChecksAsync(head, "gitbot/security", "gitbot/tests", "gitbot/judge");
        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "bob", "APPROVE", "Ship it", CancellationToken.None);
        var green = await h.WaitForGateAsync(head, g => g.Status == "completed", "green after bob's approval");
        Assert.Equal("success", green.Conclusion);

        var stored = await WaitForRecordAsync(store, number, r => r.Conclusion == GateConclusion.Success, "a success record");
        Assert.Equal((GateHarness.Repo, number, head), (stored.Repository, stored.PullNumber, stored.HeadSha));
        Assert.StartsWith("Ready to merge", stored.Summary, StringComparison.Ordinal);
        Assert.True(stored.UpdatedAt > pending.UpdatedAt);
    }

    private static async Task<GateRecord> WaitForRecordAsync(IGateRecordStore store, int number, Func<GateRecord, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        GateRecord? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await store.GetAsync(GateHarness.Repo, number, CancellationToken.None);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The stored gate of #{number} never got to: {what}. Last seen: {last}");
        return last!;
    }
}
