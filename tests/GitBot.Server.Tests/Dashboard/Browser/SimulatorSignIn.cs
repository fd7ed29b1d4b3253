using Microsoft.Playwright;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>Signing in to the dashboard the way a person does: through the simulator's OAuth authorize page.</summary>
internal static class SimulatorSignIn
{
    /// <summary>
    /// Opens <paramref name="path"/> without a session, follows the dashboard to the simulator's authorize page (clicking
    /// <c>#sign-in</c> when the page offers it instead of redirecting), clicks the authorize button of
    /// <paramref name="login"/> and waits until the browser is back on <paramref name="path"/>. The authorize page is
    /// saved as <c>&lt;test&gt;-authorize.png</c>.
    /// </summary>
    public static async Task SignInAsync(IPage page, DashboardScenario scenario, string login, string path, string test)
    {
        var simulator = scenario.GitHub.WebUrl.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync(scenario.Url(path).ToString());
        if (!page.Url.StartsWith(simulator, StringComparison.Ordinal))
        {
            await page.Locator("#sign-in").ClickAsync();
        }

        await page.WaitForURLAsync(url => url.StartsWith(simulator, StringComparison.Ordinal) && url.Contains("/login/oauth/authorize", StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, test, "authorize");
        await page.Locator($"button[name='login'][value='{login}']").ClickAsync();
        await page.WaitForURLAsync(scenario.Url(path).ToString());
    }
}
