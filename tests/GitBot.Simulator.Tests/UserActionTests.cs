using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

/// <summary>The user actions GitBot's issue flow is driven by: labels on and off, by people and by bots, and roles.</summary>
public sealed class UserActionTests
{
    [Fact]
    public async Task Removing_a_label_emits_unlabeled_and_removing_an_absent_one_emits_nothing()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(SimulatorHarness.Repo, "Do it", "body", "alice", ["agent"], CancellationToken.None);
        h.Simulator.SetWebhookTarget(receiver.Url);

        await h.Simulator.RemoveLabelAsync(SimulatorHarness.Repo, number, "agent", "alice", CancellationToken.None);
        await h.Simulator.RemoveLabelAsync(SimulatorHarness.Repo, number, "agent", "alice", CancellationToken.None);
        await h.Simulator.RemoveLabelAsync(SimulatorHarness.Repo, number, "never-there", "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var hook = Assert.Single(receiver.Received);
        Assert.Equal("issues", hook.Event);
        Assert.Equal("unlabeled", hook.Payload["action"]!.GetValue<string>());
        Assert.Equal("agent", hook.Payload["label"]!["name"]!.GetValue<string>());
        Assert.Equal("alice", hook.Payload["sender"]!["login"]!.GetValue<string>());
        Assert.Empty(hook.Payload["issue"]!["labels"]!.AsArray());
        Assert.Empty(h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Labels);
    }

    [Fact]
    public async Task Labels_applied_by_bots_carry_sender_type_Bot_and_by_people_User()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await h.OpenIssueAsync();
        h.Simulator.AddBotUser("renovate");

        await h.Simulator.AddLabelAsync(SimulatorHarness.Repo, number, "by-app", h.Simulator.App.BotLogin, CancellationToken.None);
        await h.Simulator.AddLabelAsync(SimulatorHarness.Repo, number, "by-other-app", "dependabot[bot]", CancellationToken.None);
        await h.Simulator.AddLabelAsync(SimulatorHarness.Repo, number, "by-registered-bot", "renovate", CancellationToken.None);
        await h.Simulator.AddLabelAsync(SimulatorHarness.Repo, number, "by-person", "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var senders = receiver.Received.Where(x => x.Payload["action"]!.GetValue<string>() == "labeled")
            .ToDictionary(x => x.Payload["label"]!["name"]!.GetValue<string>(), x => x.Payload["sender"]!);
        Assert.Equal("Bot", senders["by-app"]["type"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.BotLogin, senders["by-app"]["login"]!.GetValue<string>());
        Assert.Equal("Bot", senders["by-other-app"]["type"]!.GetValue<string>());
        Assert.Equal("Bot", senders["by-registered-bot"]["type"]!.GetValue<string>());
        Assert.Equal("User", senders["by-person"]["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registering_a_known_login_as_a_bot_keeps_its_id()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await h.OpenIssueAsync();
        await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, "hello", "ci-helper", CancellationToken.None);

        h.Simulator.AddBotUser("ci-helper");
        await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, "again", "ci-helper", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var senders = receiver.Received.Where(x => x.Event == "issue_comment").Select(x => x.Payload["sender"]!).ToList();
        Assert.Equal(["User", "Bot"], senders.Select(s => s["type"]!.GetValue<string>()));
        Assert.Equal(senders[0]["id"]!.GetValue<long>(), senders[1]["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("reader", "read", "read", "read")]
    [InlineData("writer", "write", "write", "write")]
    [InlineData("admin-person", "admin", "admin", "admin")]
    [InlineData("stranger", null, "none", "none")]
    public async Task The_permission_endpoint_reports_each_role(string login, string? role, string permission, string roleName)
    {
        await using var h = await SimulatorHarness.StartAsync();
        if (role is not null)
        {
            h.Simulator.SetPermission(SimulatorHarness.Repo, login, role);
        }

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/collaborators/{login}/permission");
        var body = await SimulatorHarness.ReadAsync(response);

        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal(permission, body["permission"]!.GetValue<string>());
        Assert.Equal(roleName, body["role_name"]!.GetValue<string>());
        Assert.Equal(login, body["user"]!["login"]!.GetValue<string>());
    }
}
