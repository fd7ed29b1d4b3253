using GitBot.Git.Processes;
using GitBot.Testing;

namespace GitBot.Cli.Tests;

/// <summary>The README's first command, run for real: the built binary, a fresh directory, loopback HTTP.</summary>
public sealed class ServeCommandTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "gitbot.dll");

    [Fact]
    public async Task Serve_with_nothing_configured_starts_in_setup_mode_with_a_setup_page_and_stores_nothing()
    {
        using var dir = new TempDirectory();
        var port = FreePort.Next();
        using var stop = new CancellationTokenSource();
        var lines = new List<string>();
        var run = new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("dotnet", [Dll, "serve", "--urls", $"http://127.0.0.1:{port}"], dir.Path, Timeout: TimeSpan.FromMinutes(2)),
            line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                return ValueTask.CompletedTask;
            },
            stop.Token);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var page = await WaitForAsync(() => http.GetStringAsync("/"));
        using var webhook = await http.PostAsync("/webhooks/github", new StringContent("{}"));
        await stop.CancelAsync();
        var result = await run;

        Assert.Contains("GitBot is running in setup mode", page, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/webhooks/github", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
        Assert.Contains("SETUP MODE", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "gitbot.db")), "the embedded SQLite database was not created in ./data");
    }

    [Fact]
    public async Task Serve_refuses_to_start_when_the_App_is_configured_without_a_webhook_secret()
    {
        using var dir = new TempDirectory();

        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("dotnet", [Dll, "serve", "--urls", $"http://127.0.0.1:{FreePort.Next()}"], dir.Path,
                new Dictionary<string, string> { ["GITBOT_GitHub__Token"] = "ghs_0123456789abcdefghijklmnopqrstuvwxyzAB" },
                TimeSpan.FromMinutes(1)),
            CancellationToken.None);

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("GitHub:WebhookSecret", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_0123456789", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_refuses_SQLite_and_says_why()
    {
        using var dir = new TempDirectory();

        var result = await GitBotProcess.RunAsync(dir.Path, null, "worker");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("postgres", result.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> WaitForAsync(Func<Task<string>> get)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                await Task.Delay(200);
            }
        }
    }
}
