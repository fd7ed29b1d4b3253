using System.Data.Common;
using System.Net.Http.Headers;
using GitBot.GitHub.Webhooks;
using GitBot.Storage;
using GitBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GitBot.Server.Tests;

/// <summary>
/// The real <c>gitbot serve</c> composition on a real Kestrel port, with its database in a temp directory (SQLite) or
/// a fresh PostgreSQL database.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string Secret = "current-secret-0123456789";
    public const string PreviousSecret = "previous-secret-9876543210";

    private readonly TempDirectory _directory;
    private readonly PostgresTestDatabase? _postgres;

    private TestServer(WebApplication app, TempDirectory directory, PostgresTestDatabase? postgres, Uri baseAddress)
    {
        App = app;
        _directory = directory;
        _postgres = postgres;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public PostgresTestDatabase? PostgresDatabase => _postgres;

    public ResolvedDatabase Database => App.Services.GetRequiredService<ResolvedDatabase>();

    /// <summary>Settings for a configured App with a current and a previous webhook secret.</summary>
    public static Dictionary<string, string?> ConfiguredApp() => new()
    {
        ["GitHub:Token"] = "test-token",
        ["GitHub:WebhookSecret"] = Secret,
        ["GitHub:PreviousWebhookSecret"] = PreviousSecret,
    };

    public static async Task<TestServer> StartAsync(string provider, Dictionary<string, string?> settings)
    {
        var directory = new TempDirectory("gitbot-server");
        var postgres = provider == Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var port = FreePort.Next();
        var all = new Dictionary<string, string?>(settings)
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["DataDirectory"] = directory.Path,
        };
        if (postgres is not null)
        {
            all["Database:Provider"] = "postgres";
            all["Database:ConnectionString"] = postgres.ConnectionString;
        }

        var build = Build(all);
        Assert.True(build.Succeeded, build.Error);
        await build.App.StartAsync();
        return new TestServer(build.App, directory, postgres, new Uri($"http://127.0.0.1:{port}"));
    }

    public static ServerBuild Build(Dictionary<string, string?> settings) =>
        GitBotServer.Build([], new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });

    /// <summary>Posts a delivery as GitHub would; <paramref name="signature"/> overrides the header ("" leaves it out).</summary>
    public Task<HttpResponseMessage> PostAsync(string deliveryId, byte[] body, string? signature = null, string? eventName = "issues")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (eventName is not null)
        {
            request.Headers.Add("X-GitHub-Event", eventName);
        }

        signature ??= WebhookSignatureVerifier.Sign(Secret, body);
        if (signature.Length > 0)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Rows of <c>webhook_deliveries</c> (all, or with one delivery id), read directly from the database.</summary>
    public async Task<long> CountDeliveriesAsync(string? deliveryId = null) =>
        await ScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries" + (deliveryId is null ? "" : $" WHERE delivery_id = '{deliveryId}'"));

    /// <summary>One value read directly from the database with the provider's own driver.</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        var database = Database;
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            // Unpooled: the server's own pools may hold connections an outage test has terminated.
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
