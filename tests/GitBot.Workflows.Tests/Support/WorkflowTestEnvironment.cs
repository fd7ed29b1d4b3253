using GitBot.GitHub;
using GitBot.Storage;
using GitBot.Storage.Migrations;
using GitBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Tests.Support;

/// <summary>
/// A real, migrated GitBot database (a SQLite file in a temp directory or a fresh PostgreSQL database) and hosts
/// built on it exactly as <c>gitbot serve</c> / <c>gitbot worker</c> build theirs (storage, GitHub client, workflows).
/// </summary>
public sealed class WorkflowTestEnvironment : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDirectory _directory;
    private readonly PostgresTestDatabase? _postgres;
    private readonly List<IHost> _hosts = [];

    private WorkflowTestEnvironment(string provider, TempDirectory directory, PostgresTestDatabase? postgres)
    {
        Provider = provider;
        _directory = directory;
        _postgres = postgres;
    }

    public string Provider { get; }

    public string DataDirectory => _directory.Path;

    /// <summary>Settings every host of this environment shares; tests add their own on top.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public static async Task<WorkflowTestEnvironment> CreateAsync(string provider)
    {
        var directory = new TempDirectory("gitbot-workflows");
        var postgres = provider == Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var environment = new WorkflowTestEnvironment(provider, directory, postgres);
        environment.Settings["DataDirectory"] = directory.Path;
        environment.Settings["Database:Provider"] = provider;
        if (postgres is not null)
        {
            environment.Settings["Database:ConnectionString"] = postgres.ConnectionString;
        }

        // Short cluster timings so a dead node is noticed within seconds; every node of a test uses the same.
        environment.Settings["Scheduler:ClusterCheckinInterval"] = "00:00:01";
        environment.Settings["Scheduler:ClusterCheckinMisfireThreshold"] = "00:00:03";
        environment.Settings["Dispatcher:PollInterval"] = "00:00:00.200";
        return environment;
    }

    public IConfiguration Configuration(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>Builds (does not start) a host for one node; disposed with the environment.</summary>
    public IHost BuildHost(
        WorkflowHostRole role,
        string nodeName,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var extra = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Scheduler:NodeName"] = nodeName };
        var configuration = Configuration(extra);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGitBotStorage(configuration);
        builder.Services.AddGitHubClient(configuration);
        builder.Services.AddGitBotWorkflows(configuration, role);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    /// <summary>Builds, migrates and starts a host.</summary>
    public async Task<IHost> StartHostAsync(
        WorkflowHostRole role,
        string nodeName,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var host = BuildHost(role, nodeName, services, settings);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        return host;
    }

    /// <summary>A host with storage only (no scheduler, no dispatcher), for writing rows as the ingress would.</summary>
    public async Task<ServiceProvider> StorageOnlyAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitBotStorage(Configuration());
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A host a test killed on purpose may not stop cleanly; it is disposed all the same.
            }
            catch (ObjectDisposedException)
            {
                // Already disposed by the test.
            }

            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _directory.Dispose();
    }
}
