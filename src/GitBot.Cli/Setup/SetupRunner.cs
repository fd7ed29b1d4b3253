using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using GitBot.Git.Processes;
using GitBot.GitHub.Clients;

namespace GitBot.Cli.Setup;

/// <summary>
/// The GitHub App manifest flow, as Probot does it. A loopback page (<c>GET /</c>) posts the manifest to GitHub's "new
/// App" page with a random <c>state</c>; GitHub creates the App and redirects the browser to <c>GET /callback</c> with a
/// one-time <c>code</c> and the same <c>state</c>; the code is converted (<c>POST /app-manifests/{code}/conversions</c>)
/// and the App id, key and webhook secret are written to the configuration (mode 0600). Guarantees: nothing is written
/// unless GitHub converted the code; a callback whose <c>state</c> does not match is answered 400 and ignored (it cannot
/// come from the page this run served); the listener binds 127.0.0.1 only.
/// </summary>
public sealed class SetupRunner(SetupOptions options, HttpClient http, ProcessRunner processes, TimeProvider time)
{
    public const string CallbackPath = "/callback";

    /// <summary>
    /// Runs the flow until the App is created, the conversion fails, <see cref="SetupOptions.Timeout"/> passes or
    /// <paramref name="cancellationToken"/> fires. Progress and next steps go to <paramref name="output"/>.
    /// </summary>
    public async Task<SetupOutcome> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (config, configError) = SetupConfigWriter.Read(options.ConfigPath);
        if (config is null)
        {
            return SetupOutcome.Failed(configError!);
        }

        using var listener = Bind(options.Port, out var root, out var bindError);
        if (listener is null)
        {
            return SetupOutcome.Failed(bindError!);
        }

        var (manifest, manifestError) = AppManifestLoader.Load(options.ManifestPath, new Uri(root, CallbackPath), options.PublicUrl);
        if (manifest is null)
        {
            return SetupOutcome.Failed(manifestError!);
        }

        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        await output.WriteLineAsync($"Open {root} in a browser signed in to GitHub to create the GitBot App{(options.Organization is { } org ? $" in the organization {org}" : string.Empty)}.");
        await output.FlushAsync(cancellationToken);
        if (options.OpenBrowser)
        {
            BrowserLauncher.Open(processes, root);
        }

        // The long wait of setup: say what it waits for and for how long, so a quiet terminal is not mistaken for a hang.
        await output.WriteLineAsync($"... waiting for GitHub to redirect the browser back to {root}{CallbackPath} (up to {options.Timeout}); Ctrl+C cancels");
        await output.FlushAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using var stop = linked.Token.Register(listener.Stop);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return SetupOutcome.Failed(timeout.IsCancellationRequested
                    ? $"GitHub did not redirect back within {options.Timeout}; run gitbot setup again"
                    : "setup was cancelled before GitHub redirected back; nothing was written");
            }

            if (await ServeAsync(context, manifest, state, config, linked.Token) is { } outcome)
            {
                if (outcome.Succeeded)
                {
                    await WriteNextStepsAsync(output, outcome);
                }

                return outcome;
            }
        }
    }

    /// <summary>Answers one request; returns the outcome once the flow has ended (converted, or conversion failed).</summary>
    private async Task<SetupOutcome?> ServeAsync(HttpListenerContext context, string manifest, string state, JsonObject config, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? "/";
        if (request.HttpMethod != "GET")
        {
            await RespondAsync(context, 405, SetupPage.Error("Only GET is served here."), cancellationToken);
            return null;
        }

        if (path == "/")
        {
            await RespondAsync(context, 200, SetupPage.Form(options.NewAppUrl(state), manifest), cancellationToken);
            return null;
        }

        if (path != CallbackPath)
        {
            await RespondAsync(context, 404, SetupPage.Error("Not found."), cancellationToken);
            return null;
        }

        var query = HttpUtility.ParseQueryString(request.Url!.Query);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(query["state"] ?? string.Empty), Encoding.UTF8.GetBytes(state)))
        {
            await RespondAsync(context, 400, SetupPage.Error("The state parameter does not match this setup run; start again from the setup page."), cancellationToken);
            return null;
        }

        if (query["code"] is not { Length: > 0 } code)
        {
            await RespondAsync(context, 400, SetupPage.Error("GitHub sent no code."), cancellationToken);
            return null;
        }

        var converted = await new AppManifestsClient(http, options.ApiUrl).ConvertAsync(code, cancellationToken);
        if (!converted.TryGetValue(out var app))
        {
            var error = $"GitHub did not convert the manifest code ({converted.Error}); no App credentials were written. " +
                        "Codes work once and expire after an hour: run gitbot setup again.";
            await RespondAsync(context, 502, SetupPage.Error(error), cancellationToken);
            return SetupOutcome.Failed(error);
        }

        var keyPath = SetupConfigWriter.Write(options.ConfigPath, config, app, options.ApiUrl);
        var outcome = new SetupOutcome(true, null, app.Id, app.Name, app.HtmlUrl, keyPath);
        await RespondAsync(context, 200, SetupPage.Done(outcome), cancellationToken);
        return outcome;
    }

    private async Task WriteNextStepsAsync(TextWriter output, SetupOutcome outcome)
    {
        var config = Path.GetFullPath(options.ConfigPath);
        await output.WriteLineAsync($"Created the GitHub App '{outcome.AppName}' (id {outcome.AppId}): {outcome.HtmlUrl}");
        await output.WriteLineAsync($"Wrote GitHub:AppId, GitHub:WebhookSecret, GitHub:PrivateKeyPath, GitHub:ClientId and GitHub:ClientSecret to {config} (mode 0600).");
        await output.WriteLineAsync($"The private key is in {outcome.KeyPath} (mode 0600); keep it secret, GitHub shows it only once.");
        await output.WriteLineAsync("Next:");
        await output.WriteLineAsync($"  1. Install the App on the repositories GitBot may work on: {outcome.HtmlUrl}/installations/new");
        await output.WriteLineAsync($"  2. Check the result: gitbot doctor --config {config}");
        await output.WriteLineAsync($"  3. Start GitBot where GitHub can reach it: gitbot serve --config {config}");
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string html, CancellationToken cancellationToken)
    {
        var bytes = SetupPage.Bytes(html);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.Headers["Cache-Control"] = "no-store";
        try
        {
            await response.OutputStream.WriteAsync(bytes, cancellationToken);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException)
        {
            // The browser went away; the flow's outcome does not depend on it seeing the page.
            response.Abort();
        }
    }

    private static HttpListener? Bind(int port, out Uri root, out string? error)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            root = new Uri($"http://127.0.0.1:{chosen}/");
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add(root.AbsoluteUri);
            try
            {
                listener.Start();
                error = null;
                return listener;
            }
            catch (HttpListenerException ex)
            {
                listener.Close();
                if (port != 0 || attempt >= 20)
                {
                    error = $"cannot listen on {root}: {ex.Message} (choose another --port)";
                    return null;
                }
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
