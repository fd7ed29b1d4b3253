using GitBot.GitHub;
using GitBot.GitHub.Webhooks;
using GitBot.Server.Dashboard.Access;
using GitBot.Server.Hosting;
using GitBot.Server.Observability;
using GitBot.Server.Plans;
using GitBot.Server.Setup;
using GitBot.Server.Webhooks;
using GitBot.Storage;
using GitBot.Workflows;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.Options;

namespace GitBot.Server;

/// <summary>
/// The <c>gitbot serve</c> process: webhook ingress, storage, dispatcher, scheduler and workers in one ASP.NET Core
/// application. <see cref="Build"/> composes it (or says why it must not start); <see cref="RunAsync"/> is the whole
/// command. The database schema is migrated when the host starts, before the job engine.
/// </summary>
public static partial class GitBotServer
{
    /// <summary>
    /// Composes the server. <paramref name="configuration"/> is GitBot's configuration (it is layered over ASP.NET
    /// Core's defaults, so its <c>Urls</c> key sets the listening addresses); <paramref name="configure"/> may adjust the
    /// builder last (tests use it for logging). Returns the refusal message instead of an application when the GitHub
    /// App is configured without a webhook secret, or the database settings cannot work.
    /// </summary>
    public static ServerBuild Build(string[] args, IConfiguration configuration, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddConfiguration(configuration);
        var github = builder.Configuration.GetSection(GitHubOptions.SectionName).Get<GitHubOptions>() ?? new GitHubOptions();
        var server = ServerConfiguration.From(github);
        if (server.Refusal is not null)
        {
            return new ServerBuild(null, server.Mode, server.Refusal);
        }

        try
        {
            Compose(builder, server);
        }
        catch (InvalidOperationException ex)
        {
            // Configuration that cannot work (database provider, worker on SQLite): fatal, in the component's own words.
            return new ServerBuild(null, server.Mode, "GitBot refuses to start: " + ex.Message);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app, server);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GitBotServer).FullName!);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            if (server.Mode == ServerMode.Setup)
            {
                LogSetupMode(logger, urls);
            }
            else
            {
                LogReady(logger, urls);
            }
        });
        return new ServerBuild(app, server.Mode, null);
    }

    /// <summary>Builds and runs until <paramref name="cancellationToken"/> fires; a refusal is written to <paramref name="error"/>. Returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        var build = Build(args, configuration);
        if (!build.Succeeded)
        {
            await error.WriteLineAsync(build.Error);
            return 2;
        }

        await using var app = build.App;
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static void Compose(WebApplicationBuilder builder, ServerConfiguration server)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Per-request framework logs cost more than the request itself at benchmark rates; GitBot logs what matters.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (GitBotLogging.IsJson(configuration))
        {
            builder.Logging.AddGitBotConsole(configuration);
        }

        services.AddGitBotTracing(configuration, "gitbot-serve", "Microsoft.AspNetCore");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.Configure<ServerOptions>(configuration.GetSection(ServerOptions.SectionName));
        services.AddSingleton(server);
        services.AddGitBotObservability();
        services.AddGitBotStorage(configuration);
        // Registered before the workflows' hosted services: hosted services start in order, so the schema exists first.
        services.AddHostedService<DatabaseMigrationService>();

        services.AddGitHubClient(configuration);
        services.AddGitBotWorkflows(configuration, WorkflowHostRole.Serve);
        services.AddSingleton<TaskLogEndpoint>();
        Dashboard.DashboardPagesServiceCollectionExtensions.AddDashboardPages(services, configuration);
        services.AddDashboardAccess(configuration);

        services.AddSingleton(sp => new WebhookIngressHandler(
            server.Mode == ServerMode.Ingress
                ? new WebhookSignatureVerifier([server.GitHub.WebhookSecret, server.GitHub.PreviousWebhookSecret])
                : null,
            sp.GetRequiredService<Core.Deliveries.IDeliveryStore>(),
            sp.GetService<DeliverySignal>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WebhookIngressHandler>>()));
    }

    private static void MapEndpoints(WebApplication app, ServerConfiguration server)
    {
        var ingress = app.Services.GetRequiredService<WebhookIngressHandler>();
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var webhookMetrics = app.Services.GetRequiredService<WebhookMetrics>();
        app.MapPost(WebhookIngressHandler.Route, async context =>
        {
            await ingress.HandleAsync(context);
            webhookMetrics.Answered(context);
        });
        app.MapGet("/healthz", context => context.Response.WriteAsync("ok"));
        ObservabilityEndpoints.Map(app);
        if (server.Mode == ServerMode.Setup)
        {
            app.MapGet("/", context =>
            {
                var publicUrl = options.PublicUrl ?? $"{context.Request.Scheme}://{context.Request.Host}";
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(SetupPage.Render(publicUrl));
            });
        }
        else
        {
            Dashboard.DashboardEndpoints.Map(app);
            var logs = app.Services.GetRequiredService<TaskLogEndpoint>();
            app.MapGet(TaskLogEndpoint.Route, (long planId, string taskId, string? sig, CancellationToken cancellationToken) =>
                logs.HandleAsync(planId, taskId, sig, cancellationToken));
            Runners.RunnerEndpoints.Map(app);
            DashboardAuthEndpoints.Map(app);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitBot is in SETUP MODE: no GitHub App is configured, webhooks are answered 503. Open {Urls} for the setup instructions.")]
    private static partial void LogSetupMode(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "GitBot is accepting GitHub webhooks on {Urls} at /webhooks/github")]
    private static partial void LogReady(ILogger logger, string urls);
}
