using Microsoft.Playwright;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>
/// Full-page screenshots of the pages a test checks, saved as <c>&lt;repo&gt;/TestResults/screenshots/&lt;test&gt;-&lt;step&gt;.png</c>
/// so CI keeps them with the test results.
/// </summary>
internal static class Screenshots
{
    private static readonly Lazy<string> Directory = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(path);
        return path;
    });

    /// <summary>Saves the whole page; returns the file written.</summary>
    public static async Task<string> SaveAsync(IPage page, string test, string step)
    {
        var path = Path.Combine(Directory.Value, $"{test}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, "The screenshot " + path + " is empty.");
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GitBot.sln not found above " + AppContext.BaseDirectory);
    }
}
