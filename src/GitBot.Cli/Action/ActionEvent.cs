using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitBot.Cli.Action;

/// <summary>
/// The event file the runner wrote (<c>GITHUB_EVENT_PATH</c>): the webhook payload GitHub would have delivered to an
/// App, minus the <c>installation</c> object (Actions payloads have none). <see cref="Payload"/> is the file with an
/// <c>installation</c> added when missing (<see cref="TokenInstallationId"/>; in token mode every client uses the job's
/// token, so the id only satisfies the handlers' shape checks), so it is stored and parsed exactly as a webhook is.
/// </summary>
public sealed record ActionEvent(
    string Name,
    string? Action,
    byte[] Payload,
    string? SenderLogin,
    bool SenderIsBot,
    int? IssueNumber,
    int? PullRequestNumber,
    bool IsPullRequestComment,
    string? HeadRepository,
    string? CloneUrl)
{
    /// <summary>The installation id given to payloads that have none: no App is involved, the job's token acts.</summary>
    public const long TokenInstallationId = 1;

    /// <summary>Reads the event file, or says why it cannot be used.</summary>
    public static (ActionEvent? Event, string? Error) Read(string eventName, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            return (null, $"the event file '{path}' is not a JSON object: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (null, $"the event file '{path}' could not be read: {ex.Message}");
        }

        root["installation"] ??= new JsonObject { ["id"] = TokenInstallationId };
        var pullRequest = root["pull_request"] as JsonObject;
        var issue = root["issue"] as JsonObject;
        var sender = root["sender"] as JsonObject;
        var head = pullRequest?["head"]?["repo"];
        return (new ActionEvent(
            eventName,
            Text(root["action"]),
            Encoding.UTF8.GetBytes(root.ToJsonString()),
            Text(sender?["login"]),
            string.Equals(Text(sender?["type"]), "Bot", StringComparison.Ordinal),
            Number(issue?["number"]),
            Number(pullRequest?["number"]),
            issue?["pull_request"] is JsonObject,
            head is null ? null : Text(head["full_name"]),
            Text(root["repository"]?["clone_url"])), null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
