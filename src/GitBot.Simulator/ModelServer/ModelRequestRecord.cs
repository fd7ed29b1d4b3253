namespace GitBot.Simulator.ModelServer;

/// <summary>One request the scripted model server received, for assertions.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, e.g. <c>/v1/messages?beta=true</c>.</param>
/// <param name="Model">The <c>model</c> field, null for non-message requests.</param>
/// <param name="SystemText">The system prompt's text blocks joined by newlines.</param>
/// <param name="FirstUserText">The first user message's text (Claude Code's system reminders excluded).</param>
/// <param name="LastUserText">The last user message's text, or its tool results when it holds no text.</param>
/// <param name="AssistantTurns">Assistant turns already in the conversation (the step index played).</param>
/// <param name="Streaming">True when the request asked for server-sent events.</param>
/// <param name="WorkingDirectory">The working directory Claude Code stated, null when none.</param>
/// <param name="Rule">The matching rule's text, null for the fallback.</param>
/// <param name="Step">The step answered, null for non-message requests.</param>
/// <param name="Headers">Request headers (names lower-case).</param>
public sealed record ModelRequestRecord(
    string Method,
    string Path,
    string? Model,
    string SystemText,
    string FirstUserText,
    string LastUserText,
    int AssistantTurns,
    bool Streaming,
    string? WorkingDirectory,
    string? Rule,
    ModelStep? Step,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>True when an <c>x-api-key</c> header arrived.</summary>
    public bool HasApiKey => Headers.ContainsKey("x-api-key");

    /// <summary>True when an <c>authorization</c> header arrived.</summary>
    public bool HasAuthorization => Headers.ContainsKey("authorization");

    /// <summary>True for a Messages API call (<c>POST /v1/messages</c>).</summary>
    public bool IsMessages => Model is not null;
}
