using GitBot.Server.Tests.Plans;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>
/// The issue page in a real Chromium against <c>gitbot serve</c> with a plan in progress: the task graph shows each
/// task's state, and a state change arrives over server-sent events without a reload.
/// </summary>
public sealed class LiveGraphTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Graph_shows_each_task_state_after_signing_in_through_the_simulator()
    {
        const string test = nameof(Graph_shows_each_task_state_after_signing_in_through_the_simulator);
        await using var scenario = await DashboardScenario.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await SimulatorSignIn.SignInAsync(page, scenario, DashboardScenario.Member, scenario.IssuePath, test);

        var graph = page.Locator("#live svg#task-graph");
        await Expect(graph).ToHaveAttributeAsync("role", "img");
        Assert.False(string.IsNullOrWhiteSpace(await graph.GetAttributeAsync("aria-label")), "The task graph has no aria-label.");
        await Expect(Node(page, "1")).ToHaveAttributeAsync("data-state", "Succeeded");
        await Expect(Node(page, "2")).ToHaveAttributeAsync("data-state", "Running");
        await Expect(Node(page, "3")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(Pending|Ready)$"));
        await Expect(page.Locator("path.edge[data-from='1'][data-to='2']")).ToHaveCountAsync(1);
        await Expect(page.Locator("path.edge[data-from='2'][data-to='3']")).ToHaveCountAsync(1);
        await Expect(page.Locator("path.edge[data-from='2'][data-to='1']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#runs tr[data-run-id]")).Not.ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, test, "issue");
    }

    [Fact]
    public async Task Task_state_change_appears_live_without_a_reload()
    {
        const string test = nameof(Task_state_change_appears_live_without_a_reload);
        await using var scenario = await DashboardScenario.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await SimulatorSignIn.SignInAsync(page, scenario, DashboardScenario.Member, scenario.IssuePath, test);
        await Expect(Node(page, "2")).ToHaveAttributeAsync("data-state", "Running");
        await Screenshots.SaveAsync(page, test, "before");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await page.EvaluateAsync("() => { window.__marker = 1; }");

        scenario.Open("talk");
        scenario.Open("2");

        await Expect(Node(page, "2")).ToHaveAttributeAsync("data-state", "Succeeded");
        await Expect(Node(page, "3")).ToHaveAttributeAsync("data-state", "Running");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__marker"));
        Assert.Equal(0, navigations);
        Assert.Equal(scenario.Url(scenario.IssuePath).ToString(), page.Url);
        await Screenshots.SaveAsync(page, test, "after");
    }

    [Fact]
    public async Task Home_repository_and_phone_sized_issue_pages_render_for_a_member()
    {
        const string test = nameof(Home_repository_and_phone_sized_issue_pages_render_for_a_member);
        await using var scenario = await DashboardScenario.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await SimulatorSignIn.SignInAsync(page, scenario, DashboardScenario.Member, "/", test);

        await Expect(page.Locator($"#repositories tr[data-repo='{FlowHarness.Repo}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#system #queue-depth")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d+\s*$"));
        await Expect(page.Locator("#system tr[data-node='node-a']")).ToHaveCountAsync(1);
        foreach (var chart in new[] { "cost-per-day", "cost-per-repo", "cost-per-role" })
        {
            await Expect(page.Locator($"#costs figure#{chart} svg")).ToHaveCountAsync(1);
        }

        await Screenshots.SaveAsync(page, test, "home");

        await page.GotoAsync(scenario.Url($"/repos/{FlowHarness.Repo}").ToString());
        await Expect(page.Locator($"tr[data-issue='{scenario.Issue}']")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, test, "repository");

        // The same session on a phone-sized viewport.
        await using var phone = await chromium.NewContextAsync(new ViewportSize { Width = 390, Height = 844 }, await context.StorageStateAsync());
        var small = await phone.NewPageAsync();
        await small.GotoAsync(scenario.Url(scenario.IssuePath).ToString());
        await Expect(Node(small, "2")).ToHaveAttributeAsync("data-state", "Running");
        var overflow = await small.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The issue page is {overflow} px wider than a 390 px phone screen.");
        await Screenshots.SaveAsync(small, test, "issue-phone");
    }

    private static ILocator Node(IPage page, string taskId) => page.Locator($"#live g.task-node[data-task-id='{taskId}']");
}
