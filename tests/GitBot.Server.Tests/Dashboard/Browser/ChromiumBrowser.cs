using Microsoft.Playwright;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>
/// One headless Debian Chromium per test class (an xunit class fixture), driven by Playwright's bundled driver. The
/// browser is the one <c>GITBOT_TEST_CHROMIUM</c> names (<c>tools/install-chromium.sh</c> prints it); Playwright's own
/// browser downloads are never used. Each test gets a fresh context, so no cookie leaks between tests.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    /// <summary>How long a wait for a selector, an attribute or a navigation may take before the test fails.</summary>
    public const float DefaultTimeoutMs = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Chromium executable; fails loudly when the environment does not name a usable one.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("GITBOT_TEST_CHROMIUM") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "GITBOT_TEST_CHROMIUM is not set to a Chromium executable. Run ./test.sh, or set it to the path tools/install-chromium.sh prints (Debian's chromium, /usr/bin/chromium).");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async Task InitializeAsync()
    {
        var executable = Executable;
        // Expect(...) waits 5 s by default; a task's state change includes its commit and merge, which can take longer on a busy machine.
        Assertions.SetDefaultExpectTimeout(DefaultTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Tests run as root in CI containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>
    /// A fresh context with the default timeouts: no cookies, or those of <paramref name="storageState"/> (another
    /// context's <c>StorageStateAsync()</c>); <paramref name="viewport"/> for a phone-sized page.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
