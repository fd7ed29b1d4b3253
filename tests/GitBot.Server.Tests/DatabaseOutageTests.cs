using System.Net;
using GitBot.Testing;
using Npgsql;

namespace GitBot.Server.Tests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Database_down_is_503_and_deliveries_are_stored_again_once_it_is_back()
    {
        await using var server = await TestServer.StartAsync(TestServer.Postgres, TestServer.ConfiguredApp());
        var name = server.PostgresDatabase!.Name;
        using (var before = await server.PostAsync("before-outage", Payloads.Small()))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        await SetConnectionsAllowedAsync(name, false);
        HttpStatusCode during;
        try
        {
            using var response = await server.PostAsync("during-outage", Payloads.Small());
            during = response.StatusCode;
        }
        finally
        {
            await SetConnectionsAllowedAsync(name, true);
        }

        using var retried = await server.PostAsync("during-outage", Payloads.Small());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(2, await server.CountDeliveriesAsync());
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(PostgresTestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = allowed
            ? $"ALTER DATABASE {database} ALLOW_CONNECTIONS true"
            : $"ALTER DATABASE {database} ALLOW_CONNECTIONS false; " +
              $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()";
        await command.ExecuteNonQueryAsync();
    }
}
