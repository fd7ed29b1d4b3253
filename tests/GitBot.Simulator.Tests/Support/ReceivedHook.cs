using System.Text.Json.Nodes;

namespace GitBot.Simulator.Tests.Support;

/// <summary>One webhook request as received.</summary>
public sealed record ReceivedHook(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Event => Headers["X-GitHub-Event"];

    public JsonNode Payload => JsonNode.Parse(Body)!;
}
