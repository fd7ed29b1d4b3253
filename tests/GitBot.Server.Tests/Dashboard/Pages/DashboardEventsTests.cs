using System.Net;
using GitBot.Core.Plans;
using GitBot.Server.Dashboard;
using GitBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>Server-sent events over real HTTP: the live issue block and the log tail.</summary>
public sealed class DashboardEventsTests
{
    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task A_plan_change_reaches_every_viewer_as_one_live_event_and_the_poller_stops_when_they_leave(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        var plan = await seed.PlanAsync(12, "Live", TaskState.Succeeded, TaskState.Running, TaskState.Pending);
        var broadcaster = server.App.Services.GetRequiredService<LiveIssueBroadcaster>();

        using var first = await OpenAsync(server, "/repos/octo/widgets/issues/12/events");
        using var second = await OpenAsync(server, "/repos/octo/widgets/issues/12/events");
        Assert.Equal("text/event-stream", first.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(first.Response.Headers.CacheControl?.NoStore);
        Assert.Equal(1, broadcaster.WatchedIssues);

        await seed.SetTaskStateAsync(plan.Id, "B", TaskState.Succeeded);
        foreach (var viewer in new[] { first, second })
        {
            var live = await viewer.Events.WaitForAsync(e => e.Name == "live" && e.Data.Contains("data-task-id=\"B\" data-state=\"Succeeded\"", StringComparison.Ordinal));
            Assert.Contains("<svg id=\"task-graph\"", live.Data, StringComparison.Ordinal);
            Assert.Contains("<section id=\"pull-request\"", live.Data, StringComparison.Ordinal);
        }

        // A new run shows up too.
        var run = await seed.RunAsync(12, null, "C");
        await first.Events.WaitForAsync(e => e.Name == "live" && e.Data.Contains($"data-run-id=\"{run}\"", StringComparison.Ordinal));

        first.Dispose();
        second.Dispose();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (broadcaster.WatchedIssues > 0)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    [Fact]
    public async Task A_new_viewer_gets_the_current_block_at_once_so_a_change_just_after_its_page_rendered_is_not_lost()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        var plan = await seed.PlanAsync(12, "Race", TaskState.Succeeded, TaskState.Running, TaskState.Pending);

        // The page was rendered with B running; B finishes before the viewer's stream opens and before any poll.
        await seed.SetTaskStateAsync(plan.Id, "B", TaskState.Succeeded);
        using var viewer = await OpenAsync(server, "/repos/octo/widgets/issues/12/events");

        var live = await viewer.Events.WaitForAsync(e => e.Name == "live");
        Assert.Contains("data-task-id=\"B\" data-state=\"Succeeded\"", live.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_tail_streams_appended_lines_scrubbed_resumes_after_the_last_id_and_ends_when_the_run_finishes()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, DashboardSeed.Settings());
        using var directory = new TempDirectory("gitbot-log");
        var seed = new DashboardSeed(server);
        await seed.PlanAsync(12, "Logs", TaskState.Running, TaskState.Pending, TaskState.Pending);
        var path = Path.Combine(directory.Path, "run.log");
        const string Token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        await File.WriteAllTextAsync(path, "first line\nsecond <line>\n");
        var run = await seed.RunAsync(12, path);

        using var stream = await OpenAsync(server, $"/runs/{run}/log/events");
        var opening = await stream.Events.WaitForAsync(e => e.Name == "log");
        Assert.Equal("first line\nsecond <line>", opening.Data);
        Assert.Equal("25", opening.Id);

        await File.AppendAllTextAsync(path, $"using token {Token}\nhalf a li");
        var appended = await stream.Events.WaitForAsync(e => e.Name == "log");
        Assert.Equal("using token [REDACTED]", appended.Data);

        await File.AppendAllTextAsync(path, "ne\nlast words");
        var rest = await stream.Events.WaitForAsync(e => e.Name == "log");
        Assert.Equal("half a line", rest.Data);

        Assert.True(await seed.FinishAsync(run, 0.5m));
        var tail = await stream.Events.WaitForAsync(e => e.Name == "log" || e.Name == "end");
        Assert.Equal(("log", "last words"), (tail.Name, tail.Data));
        var end = await stream.Events.WaitForAsync(_ => true);
        Assert.Equal("end", end.Name);
        Assert.Null(await stream.Events.NextAsync(CancellationToken.None));

        // A reconnect resumes after the last event it saw: no old line comes again.
        using var resumed = await OpenAsync(server, $"/runs/{run}/log/events", lastEventId: rest.Id);
        var again = await resumed.Events.WaitForAsync(_ => true);
        Assert.Equal(("log", "last words"), (again.Name, again.Data));
        Assert.Equal("end", (await resumed.Events.WaitForAsync(_ => true)).Name);

        using var whole = await server.Client.SendAsync(DashboardSeed.Admin($"/runs/{run}/log"));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        var text = await whole.Content.ReadAsStringAsync();
        Assert.Contains("using token [REDACTED]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    private static async Task<OpenStream> OpenAsync(TestServer server, string path, string? lastEventId = null)
    {
        var request = DashboardSeed.Admin(path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenStream(response, new SseReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record OpenStream(HttpResponseMessage Response, SseReader Events) : IDisposable
    {
        public void Dispose()
        {
            Events.Dispose();
            Response.Dispose();
        }
    }
}
