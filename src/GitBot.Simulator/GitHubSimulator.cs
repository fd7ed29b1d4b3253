using System.Security.Cryptography;
using GitBot.Git.Processes;
using GitBot.Simulator.Auth;
using GitBot.Simulator.Faults;
using GitBot.Simulator.Git;
using GitBot.Simulator.GitHttp;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.Http;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.Shapes;
using GitBot.Simulator.Webhooks;
using Microsoft.Extensions.Logging;

namespace GitBot.Simulator;

/// <summary>
/// A stand-in for api.github.com on loopback, for tests and demos. Every request is checked against GitHub's OpenAPI
/// description (unknown route → 404, invalid body → 422, both recorded in <see cref="RejectedRequests"/>), authenticated
/// like GitHub (App JWT, installation tokens), rate-limited, optionally faulted (<see cref="Faults"/>), and answered with
/// documented shapes from in-memory state. State changes made through the API or the user-action methods emit signed
/// webhooks to <see cref="SetWebhookTarget"/>, logged in <see cref="DeliveryLog"/> and never retried. Each repository is
/// a real bare git repository.
/// </summary>
public sealed partial class GitHubSimulator : IAsyncDisposable
{
    private readonly SimulatorRuntime _runtime;
    private readonly SimulatorListener _listener;
    private readonly RequestPipeline _pipeline;
    private readonly GitHttpServer _gitHttp;
    private readonly RSA _key;
    private readonly bool _ownsDataDirectory;

    private GitHubSimulator(SimulatorRuntime runtime, SimulatorListener listener, RequestPipeline pipeline, GitHttpServer gitHttp,
        RSA key, FaultInjector faults, bool ownsDataDirectory)
    {
        _runtime = runtime;
        _listener = listener;
        _pipeline = pipeline;
        _gitHttp = gitHttp;
        _key = key;
        Faults = faults;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The API root, the equivalent of <c>https://api.github.com/</c> (ends with a slash).</summary>
    public Uri ApiUrl => _listener.BaseUrl;

    /// <summary>The simulated GitHub App: id, slug, private key PEM and webhook secret.</summary>
    public SimulatedApp App => _runtime.App;

    /// <summary>Per-route fault injection.</summary>
    public FaultInjector Faults { get; }

    /// <summary>
    /// Every request GitHub would have rejected (no User-Agent, unsupported API version, unknown route, invalid parameters
    /// or body) and every documented operation the simulator does not implement (501), as <c>METHOD path → status: reason</c>.
    /// A test can assert this is empty to prove GitBot sent nothing GitHub would refuse.
    /// </summary>
    public IReadOnlyList<string> RejectedRequests => _pipeline.Rejected;

    /// <summary>
    /// Every git smart-HTTP request (clone, fetch, push) answered so far, oldest first, with who authenticated and the
    /// status; a push lists the refs it updated.
    /// </summary>
    public IReadOnlyList<SimulatedGitRequest> GitRequests => _gitHttp.Requests;

    /// <summary>How many installation tokens have been issued (through the API or <see cref="IssueRepositoryToken"/>).</summary>
    public int TokensIssued => _runtime.Tokens.Issued;

    /// <summary>The App's webhook delivery log, oldest first: one entry per attempt, redeliveries included.</summary>
    public IReadOnlyList<SimulatedDelivery> DeliveryLog => _runtime.Dispatcher.Log;

    /// <summary>Starts a simulator on a free loopback port. The OpenAPI description is parsed once per process.</summary>
    public static async Task<GitHubSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var specPath = options.OpenApiPath ?? SpecLocator.FindRestApiJson();
        var spec = await Task.Run(() => OpenApiSpec.Load(specPath), cancellationToken);
        var key = RSA.Create(2048);
        var appId = RandomNumberGenerator.GetInt32(100_000, 999_999);
        var app = new SimulatedApp(appId, Slug(options.AppName), options.AppName, key.ExportRSAPrivateKeyPem(),
            RandomNumberGenerator.GetHexString(40, lowercase: true));
        var ownsData = options.DataDirectory is null;
        var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "gitbot-github-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);

        RequestPipeline? pipeline = null;
        SimulatorRuntime? runtime = null;
        GitHttpServer? gitHttp = null;
        var listener = SimulatorListener.Start(
            (request, ct) => pipeline!.HandleAsync(request, ct),
            async (context, ct) =>
            {
                if (OAuth.OAuthPages.Matches(context.Request))
                {
                    await OAuth.OAuthPages.ServeAsync(context, runtime!, ct);
                    return true;
                }

                if (AppManifests.AppManifestPages.Matches(context.Request))
                {
                    await AppManifests.AppManifestPages.ServeAsync(context, runtime!, ct);
                    return true;
                }

                if (GitHttpRoute.TryParse(context.Request) is not { } route)
                {
                    return false;
                }

                await gitHttp!.ServeAsync(context, route, ct);
                return true;
            });
        var shapes = new ObjectShapes(listener.BaseUrl.ToString(), app, options.TimeProvider);
        var dispatcher = new WebhookDispatcher(spec, options.TimeProvider, app, RandomNumberGenerator.GetInt32(10_000_000, 99_999_999),
            options.WebhookTimeout, options.LoggerFactory.CreateLogger<WebhookDispatcher>());
        var processes = new ProcessRunner(TimeProvider.System);
        runtime = new SimulatorRuntime(options, spec, app, shapes, dispatcher, new BareRepositoryRunner(processes), data);
        var faults = new FaultInjector();
        var authenticator = new Authenticator(new AppJwtVerifier(key, appId), runtime.Tokens, options.TimeProvider, runtime.OAuth);
        pipeline = new RequestPipeline(runtime, authenticator, faults, HandlerRegistry.Instance);
        gitHttp = new GitHttpServer(runtime, processes);
        return new GitHubSimulator(runtime, listener, pipeline, gitHttp, key, faults, ownsData);
    }

    /// <summary>Points the App's webhook at <paramref name="url"/>, signing with <paramref name="secret"/> (default: <see cref="SimulatedApp.WebhookSecret"/>).</summary>
    public void SetWebhookTarget(Uri url, string? secret = null) =>
        _runtime.Dispatcher.SetTarget(url, secret ?? App.WebhookSecret);

    /// <summary>Completes when every webhook queued so far has been attempted (delivered or logged as failed).</summary>
    public Task WaitForDeliveriesAsync(CancellationToken cancellationToken) => _runtime.Dispatcher.WaitAsync(cancellationToken);

    /// <summary>Invalidates every installation token, so the next API call with one gets 401 <c>Bad credentials</c>.</summary>
    public void RevokeAllInstallationTokens() => _runtime.Tokens.RevokeAll();

    /// <summary>
    /// A token for one repository, like the <c>GITHUB_TOKEN</c> an Actions workflow gets: as on GitHub, check runs
    /// created with it belong to the <c>github-actions</c> App (<see cref="SimulatedApp.GitHubActions"/>), not to the simulated App.
    /// </summary>
    public string IssueRepositoryToken(string fullName)
    {
        lock (_runtime.State.Gate)
        {
            var repo = _runtime.State.Repositories[fullName];
            return _runtime.Tokens.Issue(repo.InstallationId, repo.Id, _runtime.Now + _runtime.Options.InstallationTokenLifetime, isActions: true).Token;
        }
    }

    /// <summary>An installation token without going through the API (for tests that are not about App auth).</summary>
    public string IssueInstallationToken(long installationId) =>
        _runtime.Tokens.Issue(installationId, null, _runtime.Now + _runtime.Options.InstallationTokenLifetime).Token;

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _runtime.Dispatcher.Dispose();
        _key.Dispose();
        if (_ownsDataDirectory)
        {
            DeleteQuietly(_runtime.DataDirectory);
        }
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')).Trim('-');

    private static void DeleteQuietly(string directory)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a git process still finishing must not fail the caller's dispose.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
