using System.CommandLine;
using GitBot.Cli.Configuration;
using GitBot.Cli.Setup;
using GitBot.Git.Processes;

namespace GitBot.Cli.Commands;

/// <summary>
/// <c>gitbot setup</c>: creates GitBot's GitHub App from its manifest (Probot's flow) and writes the App id, private key
/// and webhook secret into the configuration file with mode 0600.
/// </summary>
public static class SetupCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var githubUrl = new Option<string>("--github-url")
        {
            Description = "GitHub's web address the manifest is posted to (GitHub Enterprise Server: https://HOST/).",
            DefaultValueFactory = _ => SetupOptions.DefaultGitHubUrl.AbsoluteUri,
        };
        var apiUrl = new Option<string?>("--api-url")
        {
            Description = "REST API root the code is converted at (default: https://api.github.com/ for github.com, else GITHUB-URL/api/v3/).",
        };
        var port = new Option<int>("--port")
        {
            Description = $"Loopback port of the setup page GitHub redirects back to; 0 picks a free one (default {SetupOptions.DefaultPort}).",
            DefaultValueFactory = _ => SetupOptions.DefaultPort,
        };
        var org = new Option<string?>("--org") { Description = "Create the App in this organization instead of your own account." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the setup page's URL; do not try to open a browser." };
        var manifest = new Option<string?>("--manifest") { Description = "App manifest (YAML or JSON) to use instead of the built-in deploy/app.yml." };
        var publicUrl = new Option<string?>("--public-url")
        {
            Description = "Where GitHub reaches GitBot (e.g. https://gitbot.example.com); sets the App's homepage and webhook URL.",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for GitHub to redirect back (default 900).",
            DefaultValueFactory = _ => 900,
        };
        var command = new Command("setup", "Create GitBot's GitHub App from its manifest and write the App id, key and webhook secret to the configuration (mode 0600).")
        {
            githubUrl, apiUrl, port, org, noBrowser, manifest, publicUrl, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var web = HttpUrl(parse.GetValue(githubUrl));
            var api = parse.GetValue(apiUrl) is { } givenApi ? HttpUrl(givenApi) : web is null ? null : DefaultApiUrl(web);
            var publicRoot = parse.GetValue(publicUrl) is { } givenPublic ? HttpUrl(givenPublic) : null;
            if (web is null || api is null || (parse.GetValue(publicUrl) is not null && publicRoot is null))
            {
                await error.WriteLineAsync("gitbot setup: --github-url, --api-url and --public-url must be absolute http(s) URLs");
                return 2;
            }

            if (parse.GetValue(port) is < 0 or > 65535 || parse.GetValue(timeout) <= 0)
            {
                await error.WriteLineAsync("gitbot setup: --port must be 0 to 65535 and --timeout positive");
                return 2;
            }

            var options = new SetupOptions(web, api, parse.GetValue(port), parse.GetValue(org), !parse.GetValue(noBrowser),
                parse.GetValue(manifest), parse.GetValue(configOption) ?? Path.Combine(Directory.GetCurrentDirectory(), GitBotConfigurationLoader.DefaultFileName),
                publicRoot, TimeSpan.FromSeconds(parse.GetValue(timeout)));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var runner = new SetupRunner(options, http, new ProcessRunner(TimeProvider.System), TimeProvider.System);
            var outcome = await runner.RunAsync(parse.InvocationConfiguration.Output, cancellationToken);
            if (!outcome.Succeeded)
            {
                await error.WriteLineAsync("gitbot setup: " + outcome.Error);
                return 1;
            }

            return 0;
        });
        return command;
    }

    /// <summary>api.github.com for github.com; GitHub Enterprise Server serves its API under <c>/api/v3/</c>.</summary>
    private static Uri DefaultApiUrl(Uri web) =>
        web.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            ? new Uri("https://api.github.com/")
            : new Uri(web, "api/v3/");

    private static Uri? HttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
