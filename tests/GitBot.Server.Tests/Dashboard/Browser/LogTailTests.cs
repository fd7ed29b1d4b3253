using static Microsoft.Playwright.Assertions;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>A running task's page streams its log into <c>#log-tail</c> as the agent writes it, scrubbed of secrets.</summary>
public sealed class LogTailTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Log_tail_streams_lines_printed_later_and_shows_secrets_scrubbed()
    {
        const string test = nameof(Log_tail_streams_lines_printed_later_and_shows_secrets_scrubbed);
        await using var scenario = await DashboardScenario.StartAsync();
        var runId = await scenario.RunningRunOfAsync("2");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var runPath = $"/runs/{runId}";
        await SimulatorSignIn.SignInAsync(page, scenario, DashboardScenario.Member, runPath, test);

        var tail = page.Locator("pre#log-tail");
        await Expect(tail).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(tail).ToContainTextAsync("feature: token=");
        await Expect(tail).Not.ToContainTextAsync(DashboardScenario.LateLine);
        await Screenshots.SaveAsync(page, test, "before");
        await page.EvaluateAsync("() => { window.__marker = 1; }");

        scenario.Open("talk");

        await Expect(tail).ToContainTextAsync(DashboardScenario.LateLine);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__marker"));
        var text = await tail.InnerTextAsync();
        Assert.Contains("feature: started", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardScenario.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq8Lr2Vx7Np4Kd1Tb6Hm3Wc9Fy5Js0Ga8Ue2", await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, test, "after");

        // The plain log the page links to is scrubbed as well.
        var log = await context.APIRequest.GetAsync(scenario.Url(runPath + "/log").ToString());
        Assert.Equal(200, log.Status);
        var body = await log.TextAsync();
        Assert.Contains(DashboardScenario.LateLine, body, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardScenario.Secret, body, StringComparison.Ordinal);
    }
}
