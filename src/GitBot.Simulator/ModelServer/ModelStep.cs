namespace GitBot.Simulator.ModelServer;

/// <summary>
/// One model turn of a <see cref="ModelScript"/>. Paths in tool steps may be relative (made absolute against the
/// conversation's working directory, which Claude Code states in its system prompt) or contain <c>{cwd}</c>.
/// Claude Code's own rule applies: a file must be read (<see cref="Read"/>) before it is edited or overwritten.
/// </summary>
public sealed record ModelStep
{
    private ModelStep(ModelStepKind kind) => Kind = kind;

    public ModelStepKind Kind { get; }

    /// <summary>Text answer, file content, or error message.</summary>
    public string Content { get; private init; } = string.Empty;

    /// <summary>File path for <see cref="ModelStepKind.WriteFile"/>, <see cref="ModelStepKind.Read"/> and <see cref="ModelStepKind.Edit"/>.</summary>
    public string Path { get; private init; } = string.Empty;

    /// <summary>Text replaced by an edit.</summary>
    public string OldText { get; private init; } = string.Empty;

    /// <summary>Replacement text of an edit.</summary>
    public string NewText { get; private init; } = string.Empty;

    /// <summary>Shell command of a <see cref="ModelStepKind.Bash"/> step.</summary>
    public string Command { get; private init; } = string.Empty;

    /// <summary>How long a <see cref="ModelStepKind.Delay"/> step stalls.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>HTTP status of an <see cref="ModelStepKind.Error"/> step.</summary>
    public int Status { get; private init; }

    /// <summary>Error type of an <see cref="ModelStepKind.Error"/> step, e.g. <c>overloaded_error</c>.</summary>
    public string ErrorType { get; private init; } = string.Empty;

    /// <summary>True for steps answered with a <c>tool_use</c> block.</summary>
    public bool IsToolUse => Kind is ModelStepKind.WriteFile or ModelStepKind.Read or ModelStepKind.Edit or ModelStepKind.Bash;

    /// <summary>The final answer; the conversation ends (<c>end_turn</c>).</summary>
    public static ModelStep Text(string text) => new(ModelStepKind.Text) { Content = text };

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with the <c>Write</c> tool.</summary>
    public static ModelStep WriteFile(string path, string content) => new(ModelStepKind.WriteFile) { Path = path, Content = content };

    /// <summary>Reads <paramref name="path"/> with the <c>Read</c> tool.</summary>
    public static ModelStep Read(string path) => new(ModelStepKind.Read) { Path = path };

    /// <summary>Replaces <paramref name="oldText"/> by <paramref name="newText"/> in <paramref name="path"/> (<c>Edit</c> tool).</summary>
    public static ModelStep Edit(string path, string oldText, string newText) =>
        new(ModelStepKind.Edit) { Path = path, OldText = oldText, NewText = newText };

    /// <summary>Runs <paramref name="command"/> with the <c>Bash</c> tool.</summary>
    public static ModelStep Bash(string command) => new(ModelStepKind.Bash) { Command = command };

    /// <summary>Stalls the response for <paramref name="duration"/> (for timeout tests), then answers briefly.</summary>
    public static ModelStep Delay(TimeSpan duration) => new(ModelStepKind.Delay) { Duration = duration, Content = "(delayed)" };

    /// <summary>Answers with an HTTP error, e.g. <c>Error(400, "invalid_request_error", "bad")</c>.</summary>
    public static ModelStep Error(int status, string type, string message) =>
        new(ModelStepKind.Error) { Status = status, ErrorType = type, Content = message };
}
