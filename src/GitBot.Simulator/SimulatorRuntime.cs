using GitBot.Simulator.Auth;
using GitBot.Simulator.Git;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.State;
using GitBot.Simulator.Webhooks;

namespace GitBot.Simulator;

/// <summary>The parts of one simulator instance that handlers and user actions share.</summary>
internal sealed class SimulatorRuntime(
    SimulatorOptions options,
    OpenApiSpec spec,
    SimulatedApp app,
    ObjectShapes shapes,
    WebhookDispatcher dispatcher,
    BareRepositoryRunner git,
    string dataDirectory)
{
    public SimulatorOptions Options { get; } = options;

    public TimeProvider Time => Options.TimeProvider;

    public OpenApiSpec Spec { get; } = spec;

    public SimulatedApp App { get; } = app;

    public SimulatorState State { get; } = new();

    public ObjectShapes Shapes { get; } = shapes;

    public WebhookDispatcher Dispatcher { get; } = dispatcher;

    public EventPublisher Events { get; } = new(dispatcher, shapes);

    public BareRepositoryRunner Git { get; } = git;

    public TokenStore Tokens { get; } = new();

    /// <summary>The App manifest flow's one-time codes and the Apps created from them.</summary>
    public AppManifests.AppManifestStore Manifests { get; } = new();

    /// <summary>The App's OAuth client, the people who can sign in, their codes and user tokens.</summary>
    public OAuth.OAuthStore OAuth { get; } = new(app.Id, options.TimeProvider);

    public RateLimiter Limiter { get; } = new(options.TimeProvider, options.RateLimitPerHour);

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The account that owns the App (shown as <c>owner</c> of the App).</summary>
    public UserState AppOwner => State.User("simulated-app-owner");

    /// <summary>The App's bot account, the author of everything done with an installation token.</summary>
    public UserState Bot => State.User(App.BotLogin, "Bot");

    public DateTimeOffset Now => Time.GetUtcNow();
}
