using System.Net;

namespace GitBot.Server.Tests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Database_down_is_503_and_deliveries_are_stored_again_once_it_is_back()
    {
        await using var server = await TestServer.StartAsync(TestServer.Postgres, TestServer.ConfiguredApp());
        var database = server.PostgresDatabase!;
        using (var before = await server.PostAsync("before-outage", Payloads.Small()))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        await database.SetConnectionsAllowedAsync(false);
        HttpStatusCode during;
        try
        {
            using var response = await server.PostAsync("during-outage", Payloads.Small());
            during = response.StatusCode;
        }
        finally
        {
            await database.SetConnectionsAllowedAsync(true);
        }

        using var retried = await server.PostAsync("during-outage", Payloads.Small());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(2, await server.CountDeliveriesAsync());
    }
}
