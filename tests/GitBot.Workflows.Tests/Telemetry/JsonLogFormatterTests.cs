using System.Diagnostics;
using System.Text.Json;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Tests.Telemetry;

public sealed partial class JsonLogFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Each_entry_is_one_JSON_line_with_fixed_fields_template_values_and_flattened_scopes()
    {
        using var capture = new CapturingFormatterProvider(new JsonLogFormatter(new FixedTime(Now)));
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(capture)))
        {
            var logger = factory.CreateLogger("GitBot.Test");
            using (logger.BeginScope(new Dictionary<string, object?> { ["DeliveryId"] = "d-1", ["repository"] = "octo/widgets", ["event"] = "issues" }))
            using (logger.BeginScope(new Dictionary<string, object?> { ["planId"] = 42L, ["taskId"] = "A", ["attempt"] = 2, ["RunId"] = "run-9" }))
            {
                LogTaskStarted(logger, "A", 3);
            }

            LogOutside(logger);
        }

        var lines = capture.Lines;
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(Now, root.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("Information", root.GetProperty("level").GetString());
        Assert.Equal("GitBot.Test", root.GetProperty("category").GetString());
        Assert.Equal("TaskStarted", root.GetProperty("eventId").GetString());
        Assert.Equal("Task A started with 3 turns", root.GetProperty("message").GetString());
        Assert.Equal("A", root.GetProperty("taskName").GetString());
        Assert.Equal(3, root.GetProperty("turns").GetInt32());
        Assert.Equal("d-1", root.GetProperty("deliveryId").GetString());
        Assert.Equal("octo/widgets", root.GetProperty("repository").GetString());
        Assert.Equal("issues", root.GetProperty("event").GetString());
        Assert.Equal(42, root.GetProperty("planId").GetInt64());
        Assert.Equal("A", root.GetProperty("taskId").GetString());
        Assert.Equal(2, root.GetProperty("attempt").GetInt32());
        Assert.Equal("run-9", root.GetProperty("runId").GetString());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));

        // Scopes end with their using blocks: the second line carries none of their ids.
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.TryGetProperty("deliveryId", out _));
        Assert.False(second.RootElement.TryGetProperty("planId", out _));
    }

    [Fact]
    public void Secrets_in_messages_values_and_exceptions_are_scrubbed_and_a_multiline_entry_stays_one_line()
    {
        const string token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        using var capture = new CapturingFormatterProvider(new JsonLogFormatter(new FixedTime(Now)));
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(capture)))
        {
            var logger = factory.CreateLogger("GitBot.Test");
            using (logger.BeginScope(new Dictionary<string, object?> { ["remote"] = $"https://x-access-token:{token}@github.com/o/r.git" }))
            {
                LogFailure(logger, $"git push\nfatal: auth with {token}", new InvalidOperationException($"token {token} refused"));
            }
        }

        var line = Assert.Single(capture.Lines);
        Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Contains("[REDACTED]", root.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("fatal: auth", root.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.Equal("Error", root.GetProperty("level").GetString());
        Assert.DoesNotContain(token, root.GetProperty("remote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_activity_gives_trace_and_span_ids()
    {
        using var capture = new CapturingFormatterProvider(new JsonLogFormatter(new FixedTime(Now)));
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(capture)))
        {
            LogOutside(factory.CreateLogger("GitBot.Test"));
        }

        using var document = JsonDocument.Parse(Assert.Single(capture.Lines));
        Assert.Equal(activity.TraceId.ToHexString(), document.RootElement.GetProperty("traceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), document.RootElement.GetProperty("spanId").GetString());
    }

    [LoggerMessage(EventId = 1, EventName = "TaskStarted", Level = LogLevel.Information, Message = "Task {TaskName} started with {Turns} turns")]
    private static partial void LogTaskStarted(ILogger logger, string taskName, int turns);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Nothing in scope")]
    private static partial void LogOutside(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Failed: {Output}")]
    private static partial void LogFailure(ILogger logger, string output, Exception exception);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
