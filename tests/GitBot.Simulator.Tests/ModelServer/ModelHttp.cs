using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.Tests.ModelServer;

/// <summary>Raw HTTP calls to the scripted model server, and the pieces of a request body Claude Code sends.</summary>
internal static class ModelHttp
{
    public const string Cwd = "/tmp/model-server-test";

    public static readonly HttpClient Client = new();

    /// <summary>A request shaped like Claude Code's: system blocks naming the working directory, reminders, tools.</summary>
    public static JsonObject Body(string prompt, int assistantTurns, bool stream, bool tools = true)
    {
        var messages = new JsonArray
        {
            new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray
                {
                    new JsonObject { ["type"] = "text", ["text"] = "<system-reminder>\nSkills: reminder-only-word\n</system-reminder>\n" },
                    new JsonObject { ["type"] = "text", ["text"] = prompt },
                },
            },
        };
        for (var turn = 0; turn < assistantTurns; turn++)
        {
            var id = $"toolu_{turn}";
            messages.Add(new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = new JsonArray { new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = "Bash", ["input"] = new JsonObject() } },
            });
            messages.Add(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray { new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = $"result {turn}" } },
            });
        }

        var body = new JsonObject
        {
            ["model"] = "claude-sonnet-4-5",
            ["max_tokens"] = 1024,
            ["stream"] = stream,
            ["system"] = new JsonArray
            {
                new JsonObject { ["type"] = "text", ["text"] = "You are a Claude agent." },
                new JsonObject { ["type"] = "text", ["text"] = $"# Environment\n - Primary working directory: {Cwd}\n - Platform: linux\n" },
            },
            ["messages"] = messages,
        };
        if (tools)
        {
            body["tools"] = new JsonArray { new JsonObject { ["name"] = "Write" }, new JsonObject { ["name"] = "Bash" } };
        }

        return body;
    }

    public static async Task<HttpResponseMessage> PostAsync(Uri baseUrl, JsonObject body, string path = "v1/messages?beta=true")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "sk-test-key");
        request.Headers.Add("anthropic-version", "2023-06-01");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await Client.SendAsync(request);
    }

    /// <summary>Parses a server-sent event stream into (event name, data) pairs, checking each event's data names the same type.</summary>
    public static List<(string Name, JsonObject Data)> ParseSse(string text)
    {
        var events = new List<(string, JsonObject)>();
        foreach (var chunk in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = chunk.Split('\n');
            var name = lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..];
            var data = (JsonObject)JsonNode.Parse(lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..])!;
            Assert.Equal(name, (string?)data["type"]);
            events.Add((name, data));
        }

        return events;
    }
}
