using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GitBot.Core.Plans;
using GitBot.Server;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Cli.Demo;

/// <summary>
/// Everything the demo runs on loopback: the GitHub simulator holding the sample repository, the scripted model
/// server, and <c>gitbot serve</c> itself (the real composition, run in this process through
/// <see cref="GitBotServer.RunAsync"/>) on SQLite in <c>&lt;directory&gt;/data</c>. Plans are read through a second,
/// read-only use of GitBot's storage against the same database, so the CLI never touches the server's ASP.NET Core
/// types (only GitBot.Server does).
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopServer;
    private readonly ServiceProvider _storage;
    private readonly StringWriter _serverErrors;

    private DemoEnvironment(GitHubSimulator github, SimulatedRepository repository, ScriptedModelServer model, Task<int> server,
        CancellationTokenSource stopServer, StringWriter serverErrors, ServiceProvider storage, Uri serverUrl, string dataDirectory)
    {
        _stopServer = stopServer;
        GitHub = github;
        Repository = repository;
        Model = model;
        Server = server;
        _serverErrors = serverErrors;
        _storage = storage;
        ServerUrl = serverUrl;
        DataDirectory = dataDirectory;
    }

    public GitHubSimulator GitHub { get; }

    public SimulatedRepository Repository { get; }

    public ScriptedModelServer Model { get; }

    /// <summary>The running server; it completes (with its exit code) only when stopped or when it refused to start.</summary>
    public Task<int> Server { get; }

    public Uri ServerUrl { get; }

    public string DataDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "agent-logs");

    public IPlanStore Plans => _storage.GetRequiredService<IPlanStore>();

    /// <summary>What the server wrote to its error stream (a refusal to start).</summary>
    public string ServerErrors => _serverErrors.ToString();

    public static async Task<(DemoEnvironment? Environment, string? Error)> StartAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(options.Directory, "data");
        Directory.CreateDirectory(dataDirectory);
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions { DataDirectory = Path.Combine(options.Directory, "github") }, cancellationToken);
        var installation = github.AddInstallation(DemoScenario.Owner);
        var repository = await github.AddRepositoryAsync(installation, DemoScenario.Repository, cancellationToken);
        github.SetPermission(DemoScenario.Repository, DemoScenario.Author, "write");
        await github.CommitFilesAsync(DemoScenario.Repository, repository.DefaultBranch, DemoScenario.Files(options.Agent),
            "Start the widgets repository", DemoScenario.Author, cancellationToken);

        var model = await ScriptedModelServer.StartAsync(DemoScenario.ModelScript(), cancellationToken);
        var port = FreePort();
        var serverUrl = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = serverUrl.ToString().TrimEnd('/'),
            ["DataDirectory"] = dataDirectory,
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            ["Agents:AnthropicBaseUrl"] = model.BaseUrl.ToString().TrimEnd('/'),
            ["Agents:AnthropicApiKey"] = "sk-ant-demo-scripted-model",
            ["Agents:LogRoot"] = Path.Combine(dataDirectory, "agent-logs"),
            ["Agents:HomeRoot"] = Path.Combine(dataDirectory, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(dataDirectory, "git"),
            ["Scheduler:AgentSlots"] = "3",
            ["Scheduler:NodeName"] = "demo",
            // The progress table owns the terminal: the server speaks only when something is wrong.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (options.Agent.ClaudeExecutable is { } claude)
        {
            settings["Agents:ClaudeExecutable"] = claude;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var storage = new ServiceCollection().AddGitBotStorage(configuration).BuildServiceProvider();
        var stop = new CancellationTokenSource();
        var server = Task.Run(() => GitBotServer.RunAsync([], configuration, errors, stop.Token), CancellationToken.None);
        var environment = new DemoEnvironment(github, repository, model, server, stop, errors, storage, serverUrl, dataDirectory);
        var ready = await environment.WaitUntilServingAsync(cancellationToken);
        if (ready is not null)
        {
            await environment.DisposeAsync();
            return (null, ready);
        }

        github.SetWebhookTarget(new Uri(serverUrl, "/webhooks/github"));
        return (environment, null);
    }

    /// <summary>Polls <c>/healthz</c>: it answers once the host has started, i.e. after the schema migration. Returns why not, or null.</summary>
    private async Task<string?> WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = ServerUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Server.IsCompleted)
            {
                return $"gitbot serve stopped before it was ready (exit code {await Server}): {ServerErrors.Trim()}";
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        return "cancelled while waiting for gitbot serve to start";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopServer.CancelAsync();
        try
        {
            await Server;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        await _storage.DisposeAsync();
        await Model.DisposeAsync();
        await GitHub.DisposeAsync();
        _stopServer.Dispose();
        await _serverErrors.DisposeAsync();
    }
}
