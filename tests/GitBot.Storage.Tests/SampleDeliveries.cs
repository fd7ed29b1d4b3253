using System.Text;
using GitBot.Core.Deliveries;

namespace GitBot.Storage.Tests;

internal static class SampleDeliveries
{
    public static WebhookDelivery New(string? id = null, DateTimeOffset? receivedAt = null, string body = """{"action":"opened"}""") => new(
        id ?? Guid.NewGuid().ToString(),
        "issues",
        "opened",
        42,
        "octo/repo",
        Encoding.UTF8.GetBytes(body),
        receivedAt ?? new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
}
