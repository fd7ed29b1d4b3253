using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Testing;

namespace GitBot.Server.Tests;

/// <summary>Request bodies: GitHub's real example payloads and small hand-written ones.</summary>
internal static class Payloads
{
    private static readonly Lazy<JsonArray> Examples = new(() => JsonNode.Parse(File.ReadAllText(SharedFiles.WebhookExamplesJson))!.AsArray());

    /// <summary>The first example of <paramref name="eventName"/> whose payload has an installation, as raw UTF-8.</summary>
    public static byte[] RealExample(string eventName)
    {
        var definition = Examples.Value.First(e => (string?)e!["name"] == eventName)!;
        var example = definition["examples"]!.AsArray().First(x => x!["installation"] is JsonObject)!;
        return Encoding.UTF8.GetBytes(example.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public static byte[] Small(string action = "opened") =>
        Encoding.UTF8.GetBytes($$$"""{"action":"{{{action}}}","installation":{"id":77},"repository":{"full_name":"octo/repo"}}""");
}
