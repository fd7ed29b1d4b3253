using System.Globalization;
using GitBot.Bench;
using GitBot.Server;
using GitBot.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReviewBench;

/// <summary>
/// One real <c>gitbot serve</c> composition (GitBotServer.Build, as the tests use it) on a fresh PostgreSQL database
/// and a fresh Git:WorkRoot, pointed at the simulator and the model proxy. Every request of its IHttpClientFactory
/// clients (the GitHub client) is timed into <see cref="HttpLog"/>; its log goes to a file.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _admin;
    private readonly string _database;
    private readonly string _logPath;

    private BenchServer(WebApplication app, string admin, string database, string logPath)
    {
        _app = app;
        _admin = admin;
        _database = database;
        _logPath = logPath;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="extra"/> settings are applied last (bench/commands sets the burst limit and a fake agent CLI).</summary>
    public static async Task<BenchServer> StartAsync(GitHubSimulator github, Uri modelUrl, HttpLog log, string work, string outDirectory, string name, int slots,
        IReadOnlyDictionary<string, string?>? extra = null)
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

        var root = Path.Combine(work, name);
        Directory.CreateDirectory(root);
        var port = BenchPorts.Free();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["DataDirectory"] = Path.Combine(root, "data"),
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString,
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            // The review agents never start Claude Code (security and judge use the anthropic backend in-process).
            ["Agents:ClaudeExecutable"] = "/bin/false",
            ["Agents:AnthropicBaseUrl"] = modelUrl.ToString().TrimEnd('/'),
            ["Agents:AnthropicApiKey"] = "sk-ant-test-model-key-0000",
            ["Agents:LogRoot"] = Path.Combine(root, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(root, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(root, "git"),
            ["Scheduler:AgentSlots"] = slots.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:NodeName"] = "bench-" + name,
        };
        foreach (var (key, setting) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = setting;
        }

        var logPath = Path.Combine(outDirectory, $"server-{name}.log");
        var writer = new StreamWriter(logPath) { AutoFlush = true };
        var build = GitBotServer.Build([], new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
            builder.Logging.AddProvider(new FileLoggerProvider(writer));
            builder.Services.ConfigureAll<HttpClientFactoryOptions>(o =>
                o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(new RecordingHandler(log))));
        });
        if (!build.Succeeded)
        {
            throw new InvalidOperationException(build.Error);
        }

        await build.App.StartAsync();
        github.SetWebhookTarget(new Uri($"http://127.0.0.1:{port}/webhooks/github"));
        return new BenchServer(build.App, admin, database, logPath);
    }

    /// <summary>
    /// Waits until the server has logged nothing for <paramref name="quiet"/>: every delivery processed, every gate
    /// recompute and review job done (each logs a line when it finishes), so a timed push starts from an idle server.
    /// </summary>
    public async Task WaitQuietAsync(TimeSpan quiet)
    {
        var last = new FileInfo(_logPath).Length;
        var since = TimeProvider.System.GetUtcNow();
        while (TimeProvider.System.GetUtcNow() - since < quiet)
        {
            await Task.Delay(50);
            var now = new FileInfo(_logPath).Length;
            if (now != last)
            {
                last = now;
                since = TimeProvider.System.GetUtcNow();
            }
        }
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
}
