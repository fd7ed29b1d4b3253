using System.Net;
using System.Text.Json;
using GitBot.Testing;
using Microsoft.Extensions.Configuration;

namespace GitBot.Server.Tests.Observability;

/// <summary>
/// <c>gitbot serve</c> with <c>Logging:Format=json</c> writes one JSON object per console line, and the lines
/// written while a delivery is processed carry its delivery id and repository.
/// </summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task Serve_with_json_format_writes_delivery_lines_carrying_delivery_id_and_repository()
    {
        using var directory = new TempDirectory("gitbot-json-logs");
        var port = FreePort.Next();
        var settings = TestServer.ConfiguredApp();
        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["DataDirectory"] = directory.Path;
        settings["Redelivery:Enabled"] = "false";
        settings["Logging:Format"] = "json";
        settings["Logging:LogLevel:Default"] = "Information";

        // The console logger takes Console.Out when it is created (inside Build), so only that moment is redirected.
        using var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        var original = Console.Out;
        ServerBuild build;
        Console.SetOut(synced);
        try
        {
            build = GitBotServer.Build([], new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.True(build.Succeeded, build.Error);
        await using var app = build.App;
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deliveryId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(Payloads.Small()) };
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-Hub-Signature-256", GitHub.Webhooks.WebhookSignatureVerifier.Sign(TestServer.Secret, Payloads.Small()));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        List<JsonElement> ofDelivery = [];
        while (DateTimeOffset.UtcNow < deadline && !ofDelivery.Any(l => l.TryGetProperty("repository", out _)))
        {
            await Task.Delay(200);
            ofDelivery = Lines(output, synced).Where(l => l.TryGetProperty("deliveryId", out var id) && id.GetString() == deliveryId).ToList();
        }

        await app.StopAsync();
        var all = Lines(output, synced);
        Assert.NotEmpty(all);
        Assert.All(all, line =>
        {
            Assert.True(line.TryGetProperty("timestamp", out _));
            Assert.True(line.TryGetProperty("level", out _));
            Assert.True(line.TryGetProperty("category", out _));
            Assert.True(line.TryGetProperty("message", out _));
        });
        Assert.Contains(ofDelivery, l => l.TryGetProperty("repository", out _) && l.TryGetProperty("job", out _));
        var processed = ofDelivery.First(l => l.TryGetProperty("repository", out _) && l.TryGetProperty("job", out _));
        Assert.Equal("octo/repo", processed.GetProperty("repository").GetString());
        Assert.Equal("process-delivery", processed.GetProperty("job").GetString());
        Assert.Equal("issues", processed.GetProperty("event").GetString());
    }

    /// <summary>Every line written so far, each parsed as JSON (a line that is not JSON fails the test here).</summary>
    private static List<JsonElement> Lines(StringWriter output, TextWriter synced)
    {
        string text;
        // The synchronized writer locks itself around each write; reading under the same lock sees whole lines.
        lock (synced)
        {
            text = output.ToString();
        }

        // Another test may write to the console in the moment it was redirected; only objects are log lines.
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
    }
}
