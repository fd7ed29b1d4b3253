using System.Globalization;
using System.Net.Sockets;
using System.Net;
using GitBot.Bench;
using GitBot.Core.Plans;
using GitBot.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgentStartBench;

/// <summary>
/// One real <c>gitbot serve</c> composition (GitBotServer.Build, as the tests use it) on a fresh PostgreSQL database
/// and a fresh Git:WorkRoot, pointed at the shared simulator. Its log (timestamped, Information) goes to a file.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _admin;
    private readonly string _database;

    private BenchServer(WebApplication app, string admin, string database)
    {
        _app = app;
        _admin = admin;
        _database = database;
    }

    public IPlanStore Plans => _app.Services.GetRequiredService<IPlanStore>();

    public static async Task<BenchServer> StartAsync(BenchContext context, string name, int slots)
    {
        var admin = Environment.GetEnvironmentVariable("GITBOT_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GITBOT_TEST_POSTGRES is not set (run.sh starts a throwaway cluster).");
        var database = "gitbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var root = Path.Combine(context.WorkDirectory, name);
        Directory.CreateDirectory(root);
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["DataDirectory"] = Path.Combine(root, "data"),
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString,
            ["GitHub:ApiUrl"] = context.GitHub.ApiUrl.ToString(),
            ["GitHub:AppId"] = context.GitHub.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = context.GitHub.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = context.GitHub.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            // No agent here uses Claude; the command backend is the agent under test.
            ["Agents:ClaudeExecutable"] = "/bin/false",
            ["Agents:LogRoot"] = Path.Combine(root, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(root, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(root, "git"),
            ["Scheduler:AgentSlots"] = slots.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:NodeName"] = "bench-" + name,
        };
        var log = new StreamWriter(Path.Combine(context.OutDirectory, $"server-{name}.log")) { AutoFlush = true };
        var build = GitBotServer.Build([], new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
            builder.Logging.AddProvider(new FileLoggerProvider(log));
        });
        if (!build.Succeeded)
        {
            throw new InvalidOperationException(build.Error);
        }

        await build.App.StartAsync();
        context.GitHub.SetWebhookTarget(new Uri($"http://127.0.0.1:{port}/webhooks/github"));
        return new BenchServer(build.App, admin, database);
    }

    /// <summary>Polls (every 25 ms) until the issue's newest plan is finished.</summary>
    public async Task<PlanSnapshot> WaitFinishedAsync(string repo, int issue, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var plan = await Plans.FindLatestAsync(repo, issue, CancellationToken.None);
            if (plan is not null && plan.Plan.IsFinished)
            {
                return plan;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"plan for #{issue} did not finish within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
