namespace GitBot.Simulator;

/// <summary>The GitHub App manifest flow (<c>gitbot setup</c>): codes and the Apps created from them.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>
    /// The web page a manifest is posted to, <c>{ApiUrl}settings/apps/new</c> (github.com's page; on the simulator the
    /// web and API share a host). It redirects at once to the manifest's <c>redirect_url</c> with <c>code</c> and <c>state</c>.
    /// </summary>
    public Uri NewAppPageUrl => new(ApiUrl, "settings/apps/new");

    /// <summary>Every App created through <c>POST /app-manifests/{code}/conversions</c>, oldest first.</summary>
    public IReadOnlyList<SimulatedApp> ManifestApps => _runtime.Manifests.Created;

    /// <summary>
    /// A one-time conversion code for <paramref name="manifestJson"/> without going through the web page (as if the user
    /// had confirmed the App on github.com); valid for an hour, like GitHub's.
    /// </summary>
    public string CreateManifestCode(string manifestJson, string ownerLogin = "simulated-app-owner") =>
        _runtime.Manifests.Issue(manifestJson, ownerLogin, _runtime.Now);
}
