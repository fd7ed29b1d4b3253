using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GitBot.Simulator.ModelServer;

/// <summary>What the server needs from a Messages API request body, read without any server-side state.</summary>
internal sealed partial record ModelConversation(
    string Model,
    bool Streaming,
    bool HasTools,
    string SystemText,
    string FirstUserText,
    string LastUserText,
    int AssistantTurns,
    string? WorkingDirectory)
{
    private const string Reminder = "<system-reminder>";

    public static ModelConversation Parse(JsonElement root)
    {
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "unknown";
        var streaming = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var hasTools = root.TryGetProperty("tools", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0;
        var system = root.TryGetProperty("system", out var sys) ? TextOf(sys, includeReminders: true) : string.Empty;

        var firstUser = string.Empty;
        var lastUser = string.Empty;
        var allUser = new StringBuilder();
        var assistantTurns = 0;
        var seenUser = false;
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) ? r.GetString() : null;
                var content = message.TryGetProperty("content", out var c) ? c : default;
                if (string.Equals(role, "assistant", StringComparison.Ordinal))
                {
                    assistantTurns++;
                }
                else if (string.Equals(role, "user", StringComparison.Ordinal))
                {
                    var text = TextOf(content, includeReminders: false);
                    allUser.Append(TextOf(content, includeReminders: true)).Append('\n');
                    if (!seenUser)
                    {
                        firstUser = text;
                        seenUser = true;
                    }

                    lastUser = text.Length > 0 ? text : ToolResultsOf(content);
                }
            }
        }

        var cwd = WorkingDirectoryOf(system) ?? WorkingDirectoryOf(allUser.ToString());
        return new ModelConversation(model, streaming, hasTools, system, firstUser, lastUser, assistantTurns, cwd);
    }

    /// <summary>Resolves a script path: <c>{cwd}</c> is replaced, a relative path is made absolute against the working directory.</summary>
    public string ResolvePath(string path)
    {
        if (WorkingDirectory is null)
        {
            return path;
        }

        var replaced = path.Replace("{cwd}", WorkingDirectory, StringComparison.Ordinal);
        return Path.IsPathRooted(replaced) ? replaced : Path.Combine(WorkingDirectory, replaced);
    }

    private static string TextOf(JsonElement content, bool includeReminders)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object
                && block.TryGetProperty("type", out var type) && string.Equals(type.GetString(), "text", StringComparison.Ordinal)
                && block.TryGetProperty("text", out var text) && text.GetString() is { } value
                && (includeReminders || !value.TrimStart().StartsWith(Reminder, StringComparison.Ordinal)))
            {
                parts.Add(value);
            }
        }

        return string.Join('\n', parts);
    }

    private static string ToolResultsOf(JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object
                && block.TryGetProperty("type", out var type) && string.Equals(type.GetString(), "tool_result", StringComparison.Ordinal)
                && block.TryGetProperty("content", out var inner))
            {
                parts.Add(TextOf(inner, includeReminders: true));
            }
        }

        return string.Join('\n', parts);
    }

    private static string? WorkingDirectoryOf(string text)
    {
        var match = WorkingDirectoryLine().Match(text);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    // Claude Code states it in its environment section: " - Primary working directory: /path".
    [GeneratedRegex(@"(?:Primary working directory|Working directory):[ \t]*([^\r\n]+)")]
    private static partial Regex WorkingDirectoryLine();
}
