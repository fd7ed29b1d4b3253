using System.Text;
using System.Text.Json.Nodes;

namespace GitBot.Simulator.ModelServer;

/// <summary>
/// The server-sent events of a streamed Messages API response, in the API's order: <c>message_start</c>, <c>ping</c>,
/// per content block <c>content_block_start</c> / <c>content_block_delta</c>… / <c>content_block_stop</c>,
/// then <c>message_delta</c> (stop reason, output usage) and <c>message_stop</c>.
/// </summary>
internal static class ModelSse
{
    public static IEnumerable<string> Events(ModelReply reply)
    {
        var start = reply.ToMessage();
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        start["usage"] = ModelReply.Usage(reply.InputTokens, 1);
        yield return Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });
        yield return Event("ping", new JsonObject { ["type"] = "ping" });

        for (var index = 0; index < reply.Content.Count; index++)
        {
            var block = reply.Content[index];
            var isTool = string.Equals((string?)block["type"], "tool_use", StringComparison.Ordinal);
            var opening = (JsonObject)block.DeepClone();
            string whole;
            if (isTool)
            {
                whole = block["input"]!.ToJsonString();
                opening["input"] = new JsonObject();
            }
            else
            {
                whole = (string?)block["text"] ?? string.Empty;
                opening["text"] = string.Empty;
            }

            yield return Event("content_block_start", new JsonObject
            {
                ["type"] = "content_block_start",
                ["index"] = index,
                ["content_block"] = opening,
            });

            // Two deltas per block, so clients that only handle a single delta are caught.
            foreach (var piece in Split(whole))
            {
                JsonObject delta = isTool
                    ? new() { ["type"] = "input_json_delta", ["partial_json"] = piece }
                    : new() { ["type"] = "text_delta", ["text"] = piece };
                yield return Event("content_block_delta", new JsonObject
                {
                    ["type"] = "content_block_delta",
                    ["index"] = index,
                    ["delta"] = delta,
                });
            }

            yield return Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
        }

        yield return Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = reply.StopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        });
        yield return Event("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    private static IEnumerable<string> Split(string whole)
    {
        if (whole.Length < 2)
        {
            yield return whole;
            yield break;
        }

        // Split on a char boundary that is not inside a surrogate pair.
        var middle = whole.Length / 2;
        if (char.IsLowSurrogate(whole[middle]))
        {
            middle++;
        }

        yield return whole[..middle];
        if (middle < whole.Length)
        {
            yield return whole[middle..];
        }
    }

    private static string Event(string name, JsonObject data) =>
        new StringBuilder().Append("event: ").Append(name).Append('\n')
            .Append("data: ").Append(data.ToJsonString()).Append("\n\n").ToString();
}
