using GitBot.GitHub.Auth;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Http;
using GitBot.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GitBot.GitHub.Tests.Client;

/// <summary>
/// The GitHub layer wired exactly as the Server wires it (<see cref="GitHubServiceCollectionExtensions.AddGitHubClient"/>)
/// against a fresh GitHub simulator with one installation and one repository. The simulator and the client share a
/// <see cref="FakeTimeProvider"/>, so token expiry and rate-limit waits are driven by advancing time, never by sleeping.
/// </summary>
public sealed class GitHubHarness : IAsyncDisposable
{
    public const string Owner = "octo";
    public const string Repo = "repo";
    public const string FullName = Owner + "/" + Repo;

    private readonly ServiceProvider _services;

    private GitHubHarness(GitHubSimulator simulator, FakeTimeProvider time, TimerWatchingTimeProvider timers, CollectingLoggerProvider logs,
        ServiceProvider services, SimulatedInstallation installation, SimulatedRepository repository)
    {
        Simulator = simulator;
        Time = time;
        Timers = timers;
        Logs = logs;
        _services = services;
        Installation = installation;
        Repository = repository;
    }

    public GitHubSimulator Simulator { get; }

    /// <summary>The shared clock; advance it to let waits elapse.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The client's view of <see cref="Time"/>, which reports the waits (timers) the client starts.</summary>
    public TimerWatchingTimeProvider Timers { get; }

    public CollectingLoggerProvider Logs { get; }

    public SimulatedInstallation Installation { get; }

    public SimulatedRepository Repository { get; }

    public GitHubConnection Connection => _services.GetRequiredService<GitHubConnection>();

    public GitHubAppClient App => _services.GetRequiredService<GitHubAppClient>();

    public InstallationTokenProvider Tokens => _services.GetRequiredService<InstallationTokenProvider>();

    public GitHubClientFactory Factory => _services.GetRequiredService<GitHubClientFactory>();

    /// <summary>A client for the harness's installation.</summary>
    public GitHubClient Client => Factory.ForInstallation(Installation.Id);

    /// <param name="settings">Configuration values that override the harness's <c>GitHub:*</c> defaults.</param>
    /// <param name="rateLimitPerHour">The simulator's primary rate limit per credential.</param>
    public static async Task<GitHubHarness> StartAsync(IDictionary<string, string?>? settings = null, int rateLimitPerHour = 5000)
    {
        // The simulator checks JWTs and token expiry against this clock, so it starts at the real time.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, RateLimitPerHour = rateLimitPerHour }, CancellationToken.None);
        try
        {
            var installation = simulator.AddInstallation(Owner);
            var repository = await simulator.AddRepositoryAsync(installation, FullName, CancellationToken.None);

            var values = new Dictionary<string, string?>
            {
                ["GitHub:ApiUrl"] = simulator.ApiUrl.ToString(),
                ["GitHub:AppId"] = simulator.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GitHub:PrivateKey"] = simulator.App.PrivateKeyPem,
                ["GitHub:WebhookSecret"] = simulator.App.WebhookSecret,
                ["GitHub:UserAgent"] = "GitBot-Tests",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            var logs = new CollectingLoggerProvider();
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(logs);
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            var timers = new TimerWatchingTimeProvider(time);
            services.AddSingleton<TimeProvider>(timers);
            services.AddGitHubClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            return new GitHubHarness(simulator, time, timers, logs, services.BuildServiceProvider(), installation, repository);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lines the connection logged with <paramref name="eventId"/> for <paramref name="route"/>.</summary>
    public IReadOnlyList<CollectingLoggerProvider.LogLine> LogLines(int eventId, string route) =>
        [.. Logs.Lines.Where(l => l.EventId == eventId && l.Get<string>("Route") == route)];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
