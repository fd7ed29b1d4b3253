using System.Net;
using GitBot.Core.Dashboard.Sessions;
using GitBot.Core.Plans;
using GitBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>A signed-in user (a stored session) sees only the repositories of their session, everywhere.</summary>
public sealed class DashboardViewerAccessTests
{
    [Fact]
    public async Task A_user_sees_only_their_repositories_and_everything_else_answers_404()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, DashboardSeed.Settings());
        using var directory = new TempDirectory("gitbot-log");
        var seed = new DashboardSeed(server);
        await seed.PlanAsync(1, "Mine", TaskState.Running, TaskState.Pending, TaskState.Pending);
        await seed.PlanAsync(2, "Secret", TaskState.Running, TaskState.Pending, TaskState.Pending, repository: "secret/vault");
        var mine = await seed.RunAsync(1, null);
        var log = Path.Combine(directory.Path, "secret.log");
        await File.WriteAllTextAsync(log, "classified\n");
        var secret = await seed.RunAsync(2, log, repository: "secret/vault");
        Assert.True(await seed.FinishAsync(mine, 1m));
        Assert.True(await seed.FinishAsync(secret, 2m));

        var id = DashboardSessionId.New();
        var now = TimeProvider.System.GetUtcNow();
        await server.App.Services.GetRequiredService<IDashboardSessionStore>().CreateAsync(
            new DashboardSession(id.Sha256, "bob", ["OCTO/widgets"], now, now.AddHours(1), now.AddHours(2)), CancellationToken.None);

        var home = await SendAsync(server, id, "/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<tr data-repo=\"octo/widgets\">", home.Body, StringComparison.Ordinal);
        Assert.Contains("Signed in as bob", home.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret/vault", home.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("$2.00", home.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(server, id, "/repos/octo/widgets/issues/1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(server, id, $"/runs/{mine}")).Status);

        foreach (var hidden in new[] { "/repos/secret/vault", "/repos/secret/vault/issues/2", "/repos/secret/vault/issues/2/events", $"/runs/{secret}", $"/runs/{secret}/log", $"/runs/{secret}/log/events" })
        {
            var answer = await SendAsync(server, id, hidden);
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.DoesNotContain("classified", answer.Body, StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(TestServer server, DashboardSessionId id, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"gitbot_session={id.Value}");
        using var response = await server.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
