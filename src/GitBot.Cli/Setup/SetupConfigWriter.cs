using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.GitHub;
using GitBot.GitHub.Models;

namespace GitBot.Cli.Setup;

/// <summary>
/// Writes a new App's credentials into GitBot's configuration: <c>GitHub:AppId</c>, <c>GitHub:ClientId</c> and
/// <c>GitHub:ClientSecret</c> (the dashboard's sign-in), <c>GitHub:PrivateKeyPath</c> (the PEM
/// saved next to the configuration file), <c>GitHub:WebhookSecret</c>, and <c>GitHub:ApiUrl</c> when it is not
/// api.github.com. Other settings in the file are kept. Both files are written to a temporary file created with mode
/// 0600 and renamed over the target, so neither is ever readable by others, even for a moment, nor half-written.
/// </summary>
public static class SetupConfigWriter
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The existing file's settings (empty when it does not exist), or an error when it is not a JSON object.</summary>
    public static (JsonObject? Config, string? Error) Read(string configPath)
    {
        if (!File.Exists(configPath))
        {
            return ([], null);
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(configPath), null, ReadOptions) is JsonObject config
                ? (config, null)
                : (null, $"configuration file '{configPath}' is not a JSON object");
        }
        catch (JsonException ex)
        {
            return (null, $"configuration file '{configPath}' is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Saves the key and the settings; returns the key file's path.</summary>
    public static string Write(string configPath, JsonObject config, AppManifestConversion app, Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(apiUrl);
        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        Directory.CreateDirectory(directory);
        var keyPath = Path.Combine(directory, $"{app.Slug ?? "gitbot-app-" + app.Id}.private-key.pem");
        WritePrivate(keyPath, app.Pem.EndsWith('\n') ? app.Pem : app.Pem + "\n");

        var github = config[GitHubOptions.SectionName] as JsonObject ?? [];
        github[nameof(GitHubOptions.AppId)] = app.Id;
        github[nameof(GitHubOptions.PrivateKeyPath)] = keyPath;
        github[nameof(GitHubOptions.WebhookSecret)] = app.WebhookSecret;
        // The App's OAuth client: the dashboard's "Sign in with GitHub".
        if (app.ClientId is { Length: > 0 } clientId && app.ClientSecret is { Length: > 0 } clientSecret)
        {
            github[nameof(GitHubOptions.ClientId)] = clientId;
            github[nameof(GitHubOptions.ClientSecret)] = clientSecret;
        }
        // A key given as text would win over the file just written only if the loader preferred it; drop it either way
        // so the configuration names one key, the new App's.
        github.Remove(nameof(GitHubOptions.PrivateKey));
        if (apiUrl.AbsoluteUri != GitHubOptions.DefaultApiUrl)
        {
            github[nameof(GitHubOptions.ApiUrl)] = apiUrl.AbsoluteUri;
        }

        config[GitHubOptions.SectionName] = github;
        WritePrivate(configPath, config.ToJsonString(WriteOptions) + "\n");
        return keyPath;
    }

    private static void WritePrivate(string path, string text)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
