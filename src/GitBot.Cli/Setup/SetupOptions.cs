namespace GitBot.Cli.Setup;

/// <summary>What <c>gitbot setup</c> was asked to do.</summary>
/// <param name="GitHubUrl">The GitHub web root the manifest is posted to (<c>https://github.com/</c>, a GHES host).</param>
/// <param name="ApiUrl">The REST API root the code is converted at.</param>
/// <param name="Port">The loopback port of the setup page; 0 picks a free one.</param>
/// <param name="Organization">Create the App in this organization instead of the signed-in user's account.</param>
/// <param name="OpenBrowser">Try to open the setup page in a browser (the URL is printed either way).</param>
/// <param name="ManifestPath">A manifest (YAML or JSON) instead of the built-in <c>deploy/app.yml</c>.</param>
/// <param name="ConfigPath">The GitBot configuration file to write (created when missing).</param>
/// <param name="PublicUrl">Where GitHub reaches GitBot; sets the manifest's <c>url</c> and webhook URL when given.</param>
/// <param name="Timeout">How long to wait for GitHub to redirect back.</param>
public sealed record SetupOptions(
    Uri GitHubUrl,
    Uri ApiUrl,
    int Port,
    string? Organization,
    bool OpenBrowser,
    string? ManifestPath,
    string ConfigPath,
    Uri? PublicUrl,
    TimeSpan Timeout)
{
    public static readonly Uri DefaultGitHubUrl = new("https://github.com/");
    public const int DefaultPort = 3000;

    /// <summary>Where the manifest form is posted: the user's or the organization's "new App" page.</summary>
    public Uri NewAppUrl(string state)
    {
        var root = GitHubUrl.AbsoluteUri.EndsWith('/') ? GitHubUrl.AbsoluteUri : GitHubUrl.AbsoluteUri + "/";
        var page = Organization is { Length: > 0 } org ? $"organizations/{Uri.EscapeDataString(org)}/settings/apps/new" : "settings/apps/new";
        return new Uri(root + page + "?state=" + Uri.EscapeDataString(state));
    }
}
