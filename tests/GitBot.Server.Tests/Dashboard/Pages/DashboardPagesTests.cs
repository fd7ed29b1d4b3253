using System.Net;
using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>The dashboard over real HTTP on the real server composition, with the admin token.</summary>
public sealed class DashboardPagesTests
{
    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task Home_repository_and_issue_pages_show_the_data_with_the_contract_markup(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        var plan = await seed.PlanAsync(12, "Add <b>bold</b> things", TaskState.Succeeded, TaskState.Running, TaskState.Pending, pull: 40);
        var run = await seed.RunAsync(12, null);
        Assert.True(await seed.FinishAsync(run, 1.25m));
        await seed.ChecksAsync(40);

        var home = await GetAsync(server, "/");
        Assert.Contains("<tr data-repo=\"octo/widgets\">", home, StringComparison.Ordinal);
        Assert.Contains("<section id=\"system\"", home, StringComparison.Ordinal);
        Assert.Contains("<span id=\"queue-depth\">", home, StringComparison.Ordinal);
        foreach (var figure in new[] { "cost-per-day", "cost-per-repo", "cost-per-role" })
        {
            Assert.Contains($"<figure id=\"{figure}\">", home, StringComparison.Ordinal);
        }

        Assert.Contains("$1.25", home, StringComparison.Ordinal);

        var repo = await GetAsync(server, "/repos/octo/widgets");
        Assert.Contains("<tr data-issue=\"12\">", repo, StringComparison.Ordinal);
        Assert.Contains("Add &lt;b&gt;bold&lt;/b&gt; things", repo, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", repo, StringComparison.Ordinal);
        Assert.Contains("1/3", repo, StringComparison.Ordinal);

        var issue = await GetAsync(server, "/repos/octo/widgets/issues/12");
        Assert.Contains("<div id=\"live\"", issue, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"task-graph\" role=\"img\" aria-label=\"", issue, StringComparison.Ordinal);
        Assert.Contains("<g class=\"task-node\" data-task-id=\"A\" data-state=\"Succeeded\"", issue, StringComparison.Ordinal);
        Assert.Contains("<g class=\"task-node\" data-task-id=\"B\" data-state=\"Running\"", issue, StringComparison.Ordinal);
        Assert.Contains("<g class=\"task-node\" data-task-id=\"C\" data-state=\"Pending\"", issue, StringComparison.Ordinal);
        Assert.Contains("<path class=\"edge\" data-from=\"A\" data-to=\"B\"", issue, StringComparison.Ordinal);
        Assert.Contains($"<tr data-run-id=\"{run}\">", issue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/runs/{run}\"", issue, StringComparison.Ordinal);
        Assert.Contains("<section id=\"pull-request\"", issue, StringComparison.Ordinal);
        Assert.Contains("<li data-check=\"security\" data-status=\"completed\" data-conclusion=\"success\">", issue, StringComparison.Ordinal);
        Assert.Contains("<li data-check=\"tests\" data-status=\"completed\" data-conclusion=\"failure\">", issue, StringComparison.Ordinal);
        Assert.Contains("<p id=\"gate\" data-gate=\"failure\">", issue, StringComparison.Ordinal);
        Assert.Contains("EventSource(\"/repos/octo/widgets/issues/12/events\")", issue, StringComparison.Ordinal);
        Assert.Contains("done &lt;ok&gt;", issue, StringComparison.Ordinal);
        Assert.Contains($"Plan {plan.Id}", issue, StringComparison.Ordinal);

        var runPage = await GetAsync(server, $"/runs/{run}");
        Assert.Contains("<pre id=\"log-tail\" aria-live=\"polite\"", runPage, StringComparison.Ordinal);
        Assert.Contains("$1.25", runPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_requests_get_sign_in_redirects_or_401_and_unknown_things_are_404()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        await seed.PlanAsync(12, "T", TaskState.Pending, TaskState.Pending, TaskState.Pending);
        var run = await seed.RunAsync(12, null);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };

        var home = await noRedirects.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<a id=\"sign-in\" href=\"/auth/login\">Sign in with GitHub</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("octo/widgets", home, StringComparison.Ordinal);
        Assert.DoesNotContain("cost-per-day", home, StringComparison.Ordinal);

        foreach (var page in new[] { "/repos/octo/widgets?page=2", "/repos/octo/widgets/issues/12", $"/runs/{run}" })
        {
            using var response = await noRedirects.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/auth/login?returnUrl=" + Uri.EscapeDataString(page), response.Headers.Location!.OriginalString);
        }

        foreach (var data in new[] { $"/runs/{run}/log", $"/runs/{run}/log/events", "/repos/octo/widgets/issues/12/events" })
        {
            using var response = await noRedirects.GetAsync(new Uri(data, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, $"/runs/{run}/log");
        wrongToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await noRedirects.SendAsync(wrongToken)).StatusCode);

        foreach (var missing in new[] { "/repos/nobody/here", "/repos/nobody/here/issues/12", "/repos/nobody/here/issues/12/events", "/repos/octo/widgets/issues/999", "/runs/98765", "/runs/98765/log" })
        {
            using var response = await server.Client.SendAsync(DashboardSeed.Admin(missing));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            // A body a browser shows (Chromium replaces an empty 404 with its own error page), the same for both causes.
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A run without a log file on this node: 404 naming the node.
        using var noLog = await server.Client.SendAsync(DashboardSeed.Admin($"/runs/{await seed.RunAsync(12, "/nonexistent/gitbot/run.log")}/log"));
        Assert.Equal(HttpStatusCode.NotFound, noLog.StatusCode);
        Assert.Contains("node-1", await noLog.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(TestServer server, string path)
    {
        using var response = await server.Client.SendAsync(DashboardSeed.Admin(path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
