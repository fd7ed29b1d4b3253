using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GitBot.Server.Tests.Observability;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_is_200_on_a_healthy_server_and_503_naming_the_database_while_it_refuses_connections()
    {
        await using var server = await TestServer.StartAsync(TestServer.Postgres, TestServer.ConfiguredApp());
        using var healthy = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var healthyBody = await healthy.Content.ReadAsStringAsync();

        await server.PostgresDatabase!.SetConnectionsAllowedAsync(false);
        HttpStatusCode downStatus;
        string downBody;
        try
        {
            using var down = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            downStatus = down.StatusCode;
            downBody = await down.Content.ReadAsStringAsync();
        }
        finally
        {
            await server.PostgresDatabase.SetConnectionsAllowedAsync(true);
        }

        Assert.True(healthy.StatusCode == HttpStatusCode.OK, healthyBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        using var json = JsonDocument.Parse(downBody);
        Assert.Equal("not ready", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("failures").TryGetProperty("database", out _), downBody);
        Assert.False(json.RootElement.GetProperty("failures").TryGetProperty("scheduler", out _), downBody);
    }

    [Fact]
    public async Task Readyz_is_503_once_the_schedulers_are_shut_down()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var scheduler = await server.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Shutdown(false);
        using var response = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"scheduler\"", body, StringComparison.Ordinal);
    }
}
