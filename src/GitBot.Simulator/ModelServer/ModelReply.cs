using System.Globalization;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.ModelServer;

/// <summary>An assistant message as the Messages API returns it: content blocks, stop reason and usage.</summary>
internal sealed record ModelReply(string Id, string Model, IReadOnlyList<JsonObject> Content, string StopReason, int InputTokens, int OutputTokens)
{
    /// <summary>Builds the reply for <paramref name="step"/> (never an error or delay step).</summary>
    public static ModelReply For(ModelStep step, ModelConversation conversation, int requestBytes)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"msg_sim_{conversation.AssistantTurns:D3}_{StableHash(conversation.FirstUserText):x8}");
        var content = new List<JsonObject>();
        string stopReason;
        if (step.IsToolUse && conversation.HasTools)
        {
            var (name, input) = ToolCall(step, conversation);
            content.Add(new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"toolu_sim_{conversation.AssistantTurns:D3}_{StableHash(conversation.FirstUserText):x8}"),
                ["name"] = name,
                ["input"] = input,
            });
            stopReason = "tool_use";
        }
        else
        {
            // A tool step asked of a request that offers no tools (e.g. a title or summary call) gets plain text.
            var text = step.IsToolUse ? "OK." : step.Content;
            content.Add(new JsonObject { ["type"] = "text", ["text"] = text });
            stopReason = "end_turn";
        }

        var outputChars = content.Sum(c => c.ToJsonString().Length);
        return new ModelReply(id, conversation.Model, content, stopReason, Math.Max(1, requestBytes / 4), 10 + (outputChars / 4));
    }

    /// <summary>The whole message (non-streaming response, and the payload the stream adds up to).</summary>
    public JsonObject ToMessage() => new()
    {
        ["id"] = Id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = Model,
        ["content"] = new JsonArray(Content.Select(c => (JsonNode)c.DeepClone()).ToArray()),
        ["stop_reason"] = StopReason,
        ["stop_sequence"] = null,
        ["usage"] = Usage(InputTokens, OutputTokens),
    };

    public static JsonObject Usage(int input, int output) => new()
    {
        ["input_tokens"] = input,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = output,
    };

    private static (string Name, JsonObject Input) ToolCall(ModelStep step, ModelConversation conversation) => step.Kind switch
    {
        ModelStepKind.WriteFile => ("Write", new JsonObject
        {
            ["file_path"] = conversation.ResolvePath(step.Path),
            ["content"] = step.Content,
        }),
        ModelStepKind.Read => ("Read", new JsonObject { ["file_path"] = conversation.ResolvePath(step.Path) }),
        ModelStepKind.Edit => ("Edit", new JsonObject
        {
            ["file_path"] = conversation.ResolvePath(step.Path),
            ["old_string"] = step.OldText,
            ["new_string"] = step.NewText,
        }),
        _ => ("Bash", new JsonObject { ["command"] = step.Command, ["description"] = "Scripted command" }),
    };

    // FNV-1a: string.GetHashCode is randomized per process, and ids should be stable across runs.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash;
    }
}
