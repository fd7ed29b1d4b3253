namespace GitBot.Simulator.ModelServer;

/// <summary>What one scripted model turn does.</summary>
public enum ModelStepKind
{
    /// <summary>A final text answer (<c>stop_reason: end_turn</c>).</summary>
    Text,

    /// <summary>A <c>Write</c> tool call.</summary>
    WriteFile,

    /// <summary>A <c>Read</c> tool call (Claude Code refuses to edit or overwrite a file it has not read).</summary>
    Read,

    /// <summary>An <c>Edit</c> tool call.</summary>
    Edit,

    /// <summary>A <c>Bash</c> tool call.</summary>
    Bash,

    /// <summary>Stalls the response, then answers with a short text.</summary>
    Delay,

    /// <summary>An HTTP error in the Messages API's error shape.</summary>
    Error,
}
