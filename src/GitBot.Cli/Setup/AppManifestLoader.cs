using System.Text.Json.Nodes;
using GitBot.Server.Webhooks;

namespace GitBot.Cli.Setup;

/// <summary>
/// The manifest <c>gitbot setup</c> posts: <c>--manifest FILE</c> (YAML or JSON), else the <c>deploy/app.yml</c> built
/// into the binary, with <c>redirect_url</c> pointed at the setup page and, given a public URL, <c>url</c> and
/// <c>hook_attributes.url</c> pointed at GitBot.
/// </summary>
public static class AppManifestLoader
{
    /// <summary>The path GitBot's webhook endpoint answers on, relative to its public URL.</summary>
    /// <summary>The dashboard's OAuth callback, relative to the public URL.</summary>
    public const string CallbackPath = "auth/callback";

    public static readonly string WebhookPath = WebhookIngressHandler.Route.TrimStart('/');

    private const string BuiltInResource = "GitBot.Cli.Setup.app.yml";

    /// <summary>The manifest as JSON text, or an error naming the file and the problem.</summary>
    public static (string? Json, string? Error) Load(string? manifestPath, Uri redirectUrl, Uri? publicUrl)
    {
        ArgumentNullException.ThrowIfNull(redirectUrl);
        string text;
        if (manifestPath is null)
        {
            using var stream = typeof(AppManifestLoader).Assembly.GetManifestResourceStream(BuiltInResource)
                ?? throw new InvalidOperationException($"the built-in manifest resource {BuiltInResource} is missing from the build");
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        else if (!File.Exists(manifestPath))
        {
            return (null, $"manifest '{manifestPath}' does not exist");
        }
        else
        {
            text = File.ReadAllText(manifestPath);
        }

        var name = manifestPath ?? "the built-in app.yml";
        if (YamlJson.Parse(text, out var error) is not JsonObject manifest)
        {
            return (null, $"manifest {name} is not a YAML or JSON object{(error is null ? string.Empty : ": " + error)}");
        }

        manifest["redirect_url"] = redirectUrl.AbsoluteUri;
        if (publicUrl is not null)
        {
            var root = publicUrl.AbsoluteUri.EndsWith('/') ? publicUrl.AbsoluteUri : publicUrl.AbsoluteUri + "/";
            manifest["url"] = root;
            var hook = manifest["hook_attributes"] as JsonObject ?? [];
            hook["url"] = root + WebhookPath;
            manifest["hook_attributes"] = hook;
            // Where GitHub sends a user back after "Sign in with GitHub" on the dashboard.
            manifest["callback_urls"] = new JsonArray(root + CallbackPath);
        }

        return manifest["url"] is JsonValue url && url.TryGetValue<string>(out var home) && Uri.TryCreate(home, UriKind.Absolute, out _)
            ? (manifest.ToJsonString(), null)
            : (null, $"manifest {name} has no absolute url (give --public-url, or set url in the manifest)");
    }
}
