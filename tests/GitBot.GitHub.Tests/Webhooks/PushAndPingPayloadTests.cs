using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary><c>push</c> and <c>ping</c>.</summary>
public sealed class PushAndPingPayloadTests
{
    public static TheoryData<string, int> PushExamples => WebhookExamples.Cases(PushEvent.EventName);

    public static TheoryData<string, int> PingExamples => WebhookExamples.Cases(PingEvent.EventName);

    [Theory]
    [MemberData(nameof(PushExamples))]
    public void Push_example_exposes_ref_commits_and_pusher(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<PushEvent>(eventName, index);

        Assert.StartsWith("refs/", e.Ref, StringComparison.Ordinal);
        Expect.Sha(e.Before);
        Expect.Sha(e.After);
        Expect.String(root, "ref", e.Ref);
        Expect.String(root, "before", e.Before);
        Expect.String(root, "after", e.After);
        Expect.Bool(root, "forced", e.Forced);
        Expect.Bool(root, "created", e.Created);
        Expect.Bool(root, "deleted", e.Deleted);
        Expect.String(root, "base_ref", e.BaseRef);
        Assert.NotEmpty(e.Pusher.Name);
        Expect.String(root, "pusher.name", e.Pusher.Name);
        Expect.String(root, "pusher.email", e.Pusher.Email);
        var commitIds = Expect.Present(root, "commits").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Equal(commitIds, e.CommitIds);
        Assert.Equal(commitIds.Length, e.Commits.Count);
        Assert.All(e.Commits, c => Expect.Sha(c.Id));
        Expect.String(root, "head_commit.id", e.HeadCommit?.Id);
        Assert.Equal(e.Deleted, e.HeadCommit is null);
    }

    [Theory]
    [MemberData(nameof(PingExamples))]
    public void Ping_example_exposes_zen_and_hook(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<PingEvent>(eventName, index);

        Assert.False(string.IsNullOrEmpty(e.Zen));
        Assert.True(e.HookId > 0);
        Expect.String(root, "zen", e.Zen);
        Expect.Long(root, "hook_id", e.HookId);
        Assert.NotNull(e.Hook);
        Expect.Long(root, "hook.id", e.Hook.Id);
        Expect.String(root, "hook.type", e.Hook.Type);
        Expect.Long(root, "hook.app_id", e.Hook.AppId);
        Assert.Equal(
            Expect.Present(root, "hook.events").EnumerateArray().Select(x => x.GetString()),
            e.Hook.Events);
    }
}
