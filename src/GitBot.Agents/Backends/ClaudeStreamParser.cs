using System.Text.Json;

namespace GitBot.Agents.Backends;

/// <summary>
/// Reads Claude Code's <c>--output-format stream-json --verbose</c> output line by line: the <c>system/init</c> line,
/// <c>assistant</c> messages (tool calls, text) and the final <c>result</c> line (subtype, error flag, final text, turns,
/// <c>total_cost_usd</c>, usage). Lines that are not JSON objects are ignored (they are still logged).
/// </summary>
internal sealed class ClaudeStreamParser
{
    private readonly List<string> _toolCalls = [];
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> ToolCalls => _toolCalls;

    /// <summary>Messages from the API or the CLI that say what went wrong (<c>errors</c> of the result line).</summary>
    public IReadOnlyList<string> Errors => _errors;

    public bool SawInit { get; private set; }

    public int AssistantMessages { get; private set; }

    public string? LastAssistantText { get; private set; }

    /// <summary>The result line's subtype: <c>success</c>, <c>error_max_turns</c>, <c>error_max_budget_usd</c>, <c>error_during_execution</c>…; null before it.</summary>
    public string? ResultSubtype { get; private set; }

    public bool ResultIsError { get; private set; }

    public string? ResultText { get; private set; }

    public int Turns { get; private set; }

    public decimal CostUsd { get; private set; }

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Feeds one stdout line; returns the tool names it called (in order), empty when none.</summary>
    public IReadOnlyList<string> Feed(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            switch (PropertyText(root, "type"))
            {
                case "system" when PropertyText(root, "subtype") == "init":
                    SawInit = true;
                    return [];
                case "assistant":
                    return ReadAssistant(root);
                case "result":
                    ReadResult(root);
                    return [];
                default:
                    return [];
            }
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private List<string> ReadAssistant(JsonElement root)
    {
        AssistantMessages++;
        var called = new List<string>();
        if (!root.TryGetProperty("message", out var message) || !message.TryGetProperty("content", out var content)
            || content.ValueKind != JsonValueKind.Array)
        {
            return called;
        }

        foreach (var block in content.EnumerateArray())
        {
            switch (PropertyText(block, "type"))
            {
                case "tool_use" when PropertyText(block, "name") is { } name:
                    called.Add(name);
                    break;
                case "text" when PropertyText(block, "text") is { Length: > 0 } text:
                    LastAssistantText = text;
                    break;
                default:
                    break;
            }
        }

        _toolCalls.AddRange(called);
        return called;
    }

    private void ReadResult(JsonElement root)
    {
        ResultSubtype = PropertyText(root, "subtype") ?? "unknown";
        ResultIsError = root.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True;
        ResultText = PropertyText(root, "result");
        if (root.TryGetProperty("num_turns", out var turns) && turns.TryGetInt32(out var t))
        {
            Turns = t;
        }

        if (root.TryGetProperty("total_cost_usd", out var cost) && cost.ValueKind == JsonValueKind.Number && cost.TryGetDecimal(out var c))
        {
            CostUsd = c;
        }

        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            InputTokens = Long(usage, "input_tokens") + Long(usage, "cache_creation_input_tokens") + Long(usage, "cache_read_input_tokens");
            OutputTokens = Long(usage, "output_tokens");
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                _errors.Add(error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText());
            }
        }
    }

    private static string? PropertyText(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n : 0;
}
