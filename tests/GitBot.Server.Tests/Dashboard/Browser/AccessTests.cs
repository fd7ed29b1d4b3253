using GitBot.Server.Tests.Plans;
using static Microsoft.Playwright.Assertions;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>Who may see what, from a browser: a signed-in user without access sees nothing of the repository; anonymous requests see no data.</summary>
public sealed class AccessTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task User_without_access_to_the_repository_does_not_see_it()
    {
        const string test = nameof(User_without_access_to_the_repository_does_not_see_it);
        await using var scenario = await DashboardScenario.StartAsync();
        var runId = await scenario.RunningRunOfAsync("2");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await SimulatorSignIn.SignInAsync(page, scenario, DashboardScenario.Stranger, "/", test);

        // Signed in (no sign-in link), yet the repository is not listed.
        await Expect(page.Locator("#system")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sign-in")).ToHaveCountAsync(0);
        await Expect(page.Locator($"tr[data-repo='{FlowHarness.Repo}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(FlowHarness.Repo, await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, test, "home");

        // Asked for directly, the repository, its issue, the run and its log are as absent as a repository that does not exist.
        foreach (var path in new[] { $"/repos/{FlowHarness.Repo}", scenario.IssuePath, scenario.IssuePath + "/events", $"/runs/{runId}", $"/runs/{runId}/log", $"/runs/{runId}/log/events" })
        {
            var response = await context.APIRequest.GetAsync(scenario.Url(path).ToString(), new() { MaxRedirects = 0 });
            Assert.True(response.Status == 404, $"{path} answered {response.Status} to a user without access.");
        }
    }

    [Fact]
    public async Task Anonymous_requests_see_no_logs_and_no_repository_data()
    {
        const string test = nameof(Anonymous_requests_see_no_logs_and_no_repository_data);
        await using var scenario = await DashboardScenario.StartAsync();
        var runId = await scenario.RunningRunOfAsync("2");
        await using var context = await chromium.NewContextAsync();

        foreach (var path in new[] { $"/runs/{runId}/log", $"/runs/{runId}/log/events", scenario.IssuePath + "/events" })
        {
            var response = await context.APIRequest.GetAsync(scenario.Url(path).ToString(), new() { MaxRedirects = 0 });
            Assert.True(response.Status == 401, $"{path} answered {response.Status} to an anonymous request.");
            Assert.DoesNotContain("feature:", await response.TextAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { $"/repos/{FlowHarness.Repo}", scenario.IssuePath, $"/runs/{runId}" })
        {
            var response = await context.APIRequest.GetAsync(scenario.Url(path).ToString(), new() { MaxRedirects = 0 });
            Assert.True(response.Status == 302, $"{path} answered {response.Status} to an anonymous request.");
            Assert.StartsWith("/auth/login", new Uri(scenario.BaseUrl, response.Headers["location"]).PathAndQuery, StringComparison.Ordinal);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(scenario.Url("/").ToString());
        await Expect(page.Locator("a#sign-in")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/auth/login"));
        await Expect(page.Locator("#repositories")).ToHaveCountAsync(0);
        await Expect(page.Locator("#costs")).ToHaveCountAsync(0);
        Assert.DoesNotContain(FlowHarness.Repo, await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, test, "home");
    }
}
